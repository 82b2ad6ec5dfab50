import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  createMemberStreams,
  formatEvent,
  type MemberStreams,
  type StreamRefusal,
} from "./member-streams.ts";

// Real HTTP: a node server whose handler subscribes each request to the hub under ?member=, in the
// session ?session= (default "s-<member>") from the address ?address= (default "a"). A refused
// stream answers 429 with the refusal as its body.
let server: Server | undefined;
let hub: MemberStreams | undefined;
afterEach(async () => {
  hub?.close();
  const running = server;
  if (running) {
    running.closeAllConnections();
    await new Promise<void>((resolve) => running.close(() => resolve()));
  }
  server = undefined;
  hub = undefined;
});

async function start(options: Parameters<typeof createMemberStreams>[0] = {}) {
  const created = createMemberStreams(options);
  hub = created;
  const listening = createServer((req, res) => {
    const query = new URL(req.url ?? "/", "http://x").searchParams;
    const member = query.get("member") ?? "";
    const refused: StreamRefusal = created.subscribe(
      res,
      {
        memberKey: member,
        session: query.get("session") ?? `s-${member}`,
        address: query.get("address") ?? "a",
      },
      {
        initial: member === "with-initial" ? { id: "7", event: "profile", data: '{"n":7}' } : null,
        headers: { "x-frame-options": "DENY", "cache-control": "public, max-age=60" },
      },
    );
    if (refused) res.writeHead(429).end(refused);
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  return { port: (listening.address() as AddressInfo).port, hub: created };
}

interface Tab {
  res: IncomingMessage;
  text: () => string;
  ended: () => boolean;
  close: () => void;
}

function open(port: number, query: string) {
  return new Promise<Tab>((resolve, reject) => {
    let text = "";
    let ended = false;
    const req = get({ host: "127.0.0.1", port, path: `/?${query}` }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => {
        ended = true;
      });
      resolve({ res, text: () => text, ended: () => ended, close: () => req.destroy() });
    });
    req.on("error", reject);
  });
}

describe("member streams", () => {
  it("formats events as the SSE wire format, multi-line data included", () => {
    expect(formatEvent({ id: "3", event: "profile", data: "a\nb" })).toBe(
      "id: 3\nevent: profile\ndata: a\ndata: b\n\n",
    );
  });

  it("streams with SSE headers, sends the initial event, then each change to that member only", async () => {
    const { port, hub } = await start();
    const ava1 = await open(port, "member=ava");
    const ava2 = await open(port, "member=ava");
    const ben = await open(port, "member=ben");
    const resumed = await open(port, "member=with-initial");
    expect(ava1.res.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    await expect.poll(() => hub.connections()).toBe(4);
    expect(hub.publish("ava", { id: "1", event: "profile", data: '{"points":10}' })).toBe(2);
    await expect.poll(() => ava1.text()).toContain('data: {"points":10}');
    await expect.poll(() => ava2.text()).toContain('data: {"points":10}');
    expect(ben.text()).not.toContain("points");
    await expect.poll(() => resumed.text()).toContain('id: 7\nevent: profile\ndata: {"n":7}');
    for (const c of [ava1, ava2, ben, resumed]) c.close();
  });

  it("carries the caller's headers, but never lets them make the stream cacheable", async () => {
    const { port } = await start();
    const tab = await open(port, "member=ava");
    expect(tab.res.headers["x-frame-options"]).toBe("DENY");
    expect(tab.res.headers["cache-control"]).toBe("no-store");
    tab.close();
  });

  it("forgets closed tabs and sends heartbeats to open ones", async () => {
    const { port, hub } = await start({ heartbeatMs: 30 });
    const tab = await open(port, "member=cleo");
    const gone = await open(port, "member=cleo");
    await expect.poll(() => hub.connections()).toBe(2);
    gone.close();
    await expect.poll(() => hub.connections()).toBe(1);
    await expect.poll(() => tab.text()).toContain(": ping");
    expect(hub.broadcast({ id: "b", event: "notice", data: "hi" })).toBe(1);
    tab.close();
    await expect.poll(() => hub.connections()).toBe(0);
  });

  it("caps streams per session: the next one is refused until one closes", async () => {
    const { port, hub } = await start({ maxPerSession: 2, maxPerAddress: 10 });
    const first = await open(port, "member=ava&session=one");
    const second = await open(port, "member=ava&session=one");
    const refused = await open(port, "member=ava&session=one");
    expect(refused.res.statusCode).toBe(429);
    await expect.poll(() => refused.text()).toBe("session_limit");
    // Another session of the same member is not affected.
    const otherSession = await open(port, "member=ava&session=two");
    expect(otherSession.res.statusCode).toBe(200);
    expect(hub.refusal({ session: "one", address: "a" })).toBe("session_limit");

    first.close();
    await expect.poll(() => hub.refusal({ session: "one", address: "a" })).toBeNull();
    const third = await open(port, "member=ava&session=one");
    expect(third.res.statusCode).toBe(200);
    for (const tab of [second, otherSession, third]) tab.close();
  });

  it("caps streams per address across sessions", async () => {
    const { port } = await start({ maxPerSession: 5, maxPerAddress: 3 });
    const tabs = [
      await open(port, "member=ava&address=10.0.0.1"),
      await open(port, "member=ben&address=10.0.0.1"),
      await open(port, "member=cleo&address=10.0.0.1"),
    ];
    const refused = await open(port, "member=dan&address=10.0.0.1");
    expect(refused.res.statusCode).toBe(429);
    await expect.poll(() => refused.text()).toBe("address_limit");
    const elsewhere = await open(port, "member=dan&address=10.0.0.2");
    expect(elsewhere.res.statusCode).toBe(200);
    for (const tab of [...tabs, elsewhere]) tab.close();
  });

  it("on shutting down, ends every stream and sends new ones away, each told to come back within a second", async () => {
    const { port, hub } = await start();
    const before = await open(port, "member=ava");
    await expect.poll(() => hub.connections()).toBe(1);
    hub.close();
    await expect.poll(() => before.ended()).toBe(true);
    expect(before.text()).toMatch(/retry: 500\n\n$/);
    const after = await open(port, "member=ava");
    expect(after.res.statusCode).toBe(200);
    await expect.poll(() => after.ended()).toBe(true);
    expect(after.text()).toBe("retry: 500\n\n");
    expect(hub.connections()).toBe(0);
  });

  it("ends a session's streams at once, frees their slots, and leaves other sessions alone", async () => {
    const { port, hub } = await start({ maxPerSession: 2 });
    const phone = [
      await open(port, "member=ben&session=phone"),
      await open(port, "member=ben&session=phone"),
    ];
    const laptop = await open(port, "member=ben&session=laptop");
    await expect.poll(() => hub.connections()).toBe(3);
    hub.endSession("phone");
    expect(hub.connections()).toBe(1);
    expect(hub.refusal({ session: "phone", address: "a" })).toBeNull();
    for (const tab of phone) await expect.poll(() => tab.ended()).toBe(true);
    expect(hub.publish("ben", { id: "2", event: "profile", data: "{}" })).toBe(1);
    await expect.poll(() => laptop.text()).toContain("id: 2");
    expect(laptop.ended()).toBe(false);
    laptop.close();
  });

  it("re-checks the sessions at each heartbeat and ends the streams of those no longer live", async () => {
    const live = new Set(["s-ava", "s-ben"]);
    const asked: string[][] = [];
    const { port } = await start({
      heartbeatMs: 30,
      liveSessions: async (ids) => {
        asked.push([...ids].sort());
        return new Set(ids.filter((id) => live.has(id)));
      },
    });
    const ava = await open(port, "member=ava");
    const ben = await open(port, "member=ben");
    // One question per heartbeat for all the sessions holding streams, not one per stream.
    await expect.poll(() => asked.at(-1)).toEqual(["s-ava", "s-ben"]);
    live.delete("s-ava");
    await expect.poll(() => ava.ended()).toBe(true);
    expect(ben.ended()).toBe(false);
    ben.close();
  });

  it("keeps streams open when the re-check fails, and reports the failure", async () => {
    const failures: unknown[] = [];
    const { port } = await start({
      heartbeatMs: 30,
      liveSessions: () => Promise.reject(new Error("database down")),
      onCheckFailed: (error) => failures.push(error),
    });
    const tab = await open(port, "member=ava");
    await expect.poll(() => failures.length).toBeGreaterThanOrEqual(2);
    expect(tab.ended()).toBe(false);
    tab.close();
  });

  it("does not count a stream whose tab went away before it opened", async () => {
    const created = createMemberStreams({ maxPerSession: 1 });
    hub = created;
    let subscribed = false;
    const listening = createServer((req, res) => {
      // The tab goes away while the route is still reading the profile.
      req.socket.destroy();
      res.on("close", () => {
        created.subscribe(res, { memberKey: "ava", session: "s", address: "a" });
        subscribed = true;
      });
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
    const port = (listening.address() as AddressInfo).port;
    await new Promise<void>((resolve) => {
      get({ host: "127.0.0.1", port, path: "/" }).on("error", () => resolve());
    });
    await expect.poll(() => subscribed).toBe(true);
    expect(created.connections()).toBe(0);
    expect(created.refusal({ session: "s", address: "a" })).toBeNull();
  });
});
