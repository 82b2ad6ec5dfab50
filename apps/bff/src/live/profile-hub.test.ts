import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createProfileHub, formatEvent, type ProfileHub } from "./profile-hub.ts";

// Real HTTP: a node server whose handler subscribes each request to the hub under ?member=.
let server: Server | undefined;
let hub: ProfileHub | undefined;
afterEach(async () => {
  hub?.close();
  const running = server;
  if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
  server = undefined;
  hub = undefined;
});

async function start(options: Parameters<typeof createProfileHub>[0] = {}) {
  const created = createProfileHub(options);
  hub = created;
  const listening = createServer((req, res) => {
    const member = new URL(req.url ?? "/", "http://x").searchParams.get("member") ?? "";
    created.subscribe(
      member,
      res,
      member === "with-initial" ? { id: "7", event: "profile", data: '{"n":7}' } : null,
    );
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  return { port: (listening.address() as AddressInfo).port, hub: created };
}

function open(port: number, member: string) {
  return new Promise<{ res: IncomingMessage; text: () => string; close: () => void }>((resolve) => {
    let text = "";
    const req = get({ host: "127.0.0.1", port, path: `/?member=${member}` }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      resolve({ res, text: () => text, close: () => req.destroy() });
    });
  });
}

describe("profile hub", () => {
  it("formats events as the SSE wire format, multi-line data included", () => {
    expect(formatEvent({ id: "3", event: "profile", data: "a\nb" })).toBe(
      "id: 3\nevent: profile\ndata: a\ndata: b\n\n",
    );
  });

  it("streams with SSE headers, sends the initial event, then each change to that member only", async () => {
    const { port, hub } = await start();
    const ava1 = await open(port, "ava");
    const ava2 = await open(port, "ava");
    const ben = await open(port, "ben");
    const resumed = await open(port, "with-initial");
    expect(ava1.res.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    await expect.poll(() => hub.connections()).toBe(4);
    expect(hub.publish("ava", { id: "1", event: "profile", data: '{"points":10}' })).toBe(2);
    await expect.poll(() => ava1.text()).toContain('data: {"points":10}');
    await expect.poll(() => ava2.text()).toContain('data: {"points":10}');
    expect(ben.text()).not.toContain("points");
    await expect.poll(() => resumed.text()).toContain('id: 7\nevent: profile\ndata: {"n":7}');
    for (const c of [ava1, ava2, ben, resumed]) c.close();
  });

  it("forgets closed tabs and sends heartbeats to open ones", async () => {
    const { port, hub } = await start({ heartbeatMs: 30 });
    const tab = await open(port, "cleo");
    const gone = await open(port, "cleo");
    await expect.poll(() => hub.connections()).toBe(2);
    gone.close();
    await expect.poll(() => hub.connections()).toBe(1);
    await expect.poll(() => tab.text()).toContain(": ping");
    expect(hub.broadcast({ id: "b", event: "notice", data: "hi" })).toBe(1);
    tab.close();
    await expect.poll(() => hub.connections()).toBe(0);
  });
});
