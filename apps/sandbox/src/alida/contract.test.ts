import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type AlidaClient, createAlidaClient } from "@portal/alida/client";
import { AlidaError } from "@portal/alida/errors";
import { Hono } from "hono";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { seedProgram } from "../program/seed.ts";
import { ALIDA_FORUM_ID, ALIDA_SURVEY_ID } from "../program/seed-ids.ts";
import { alidaRoutes } from "./routes.ts";

// The sandbox's Alida API and the real @portal/alida client, over real HTTP on loopback.

const COMMUNITY = "loyalty-community";
const CLIENT_ID = "portal-bff";
const CLIENT_SECRET = "sandbox-alida-secret-9f3k";
const DAY_MS = 86_400_000;

/** API requests wait here until released: an upstream that does not answer until the test says so. */
interface ApiHold {
  /** Settles when the first held request has reached the sandbox. */
  arrived: Promise<void>;
  arrive(): void;
  released: Promise<void>;
  release(): void;
}

function apiHold(): ApiHold {
  let arrive = () => {};
  let release = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { arrived, arrive, released, release };
}

interface Sandbox {
  url: string;
  startedAt: Date;
  /** Counted by a wrapper around the routes, the way the lead's fault injection wraps them. */
  stats: { tokenRequests: number; apiUnauthorized: number };
  faults: { hold: ApiHold | null };
  close(): Promise<void>;
}

async function startSandbox(tokenTtlSeconds = 3600): Promise<Sandbox> {
  const startedAt = new Date();
  const stats = { tokenRequests: 0, apiUnauthorized: 0 };
  const faults: Sandbox["faults"] = { hold: null };
  let app: Hono | undefined;
  const server = await new Promise<Server>((resolve) => {
    const started = serve(
      {
        fetch: (request) => app?.fetch(request) ?? new Response(null, { status: 503 }),
        hostname: "127.0.0.1",
        port: 0,
      },
      () => resolve(started as Server),
    );
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const routes = alidaRoutes({
    alida: seedProgram.alida,
    startedAt,
    publicUrl: url,
    communityApiKeyName: COMMUNITY,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    tokenTtlSeconds,
  });
  app = new Hono()
    .use(async (c, next) => {
      const isApi = c.req.path.startsWith("/v1/") || c.req.path.startsWith("/c/");
      if (c.req.path === "/oauth/token") stats.tokenRequests++;
      const hold = faults.hold;
      if (isApi && hold) {
        hold.arrive();
        await hold.released;
      }
      await next();
      if (isApi && c.res.status === 401) stats.apiUnauthorized++;
    })
    .route("/", routes);
  return {
    url,
    startedAt,
    stats,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let sandbox: Sandbox;
const clients: AlidaClient[] = [];

function newClient(overrides: { clientSecret?: string; timeoutMs?: number; url?: string } = {}): AlidaClient {
  const url = overrides.url ?? sandbox.url;
  const client = createAlidaClient({
    baseUrl: url,
    communityApiKeyName: COMMUNITY,
    tokenUrl: `${url}/oauth/token`,
    clientId: CLIENT_ID,
    clientSecret: overrides.clientSecret ?? CLIENT_SECRET,
    timeoutMs: overrides.timeoutMs ?? 5_000,
  });
  clients.push(client);
  return client;
}

function daysAfter(start: Date, days: number): Date {
  return new Date(start.getTime() + days * DAY_MS);
}

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  sandbox.stats.tokenRequests = 0;
  sandbox.stats.apiUnauthorized = 0;
  sandbox.faults.hold?.release();
  sandbox.faults.hold = null;
});

afterAll(async () => {
  await sandbox.close();
});

describe("Alida activity through the sandbox", () => {
  it("returns the open survey linked to CrowdTwist activity 111", async () => {
    const survey = await newClient().getActivity(ALIDA_SURVEY_ID);
    expect(survey).toMatchObject({
      id: ALIDA_SURVEY_ID,
      activityType: "Survey",
      status: "open",
      alternateId: "111",
      isReady: true,
      hideFromMember: false,
      panelId: seedProgram.alida.panelId,
      openedOn: daysAfter(sandbox.startedAt, -10),
      closedOn: daysAfter(sandbox.startedAt, 20),
      summaryHref: `${sandbox.url}/c/services/api/v1/tenants/${seedProgram.alida.panelId}/activities/${ALIDA_SURVEY_ID}/summary`,
      href: `${sandbox.url}/c/services/api/v1/tenants/${seedProgram.alida.panelId}/activities/${ALIDA_SURVEY_ID}`,
    });
    expect(survey.createDate).toBeInstanceOf(Date);
  });

  it("returns the closed forum linked to CrowdTwist activity 112", async () => {
    const forum = await newClient().getActivity(ALIDA_FORUM_ID);
    expect(forum).toMatchObject({
      activityType: "Forum",
      status: "closed",
      alternateId: "112",
      hideFromMember: true,
      closedOn: daysAfter(sandbox.startedAt, -5),
      statusChangedOn: daysAfter(sandbox.startedAt, -5),
    });
  });

  it("sends the status in both of the document's casings, which the client normalises", async () => {
    const token = await issueToken();
    const status = async (id: string) => {
      const response = await fetch(
        `${sandbox.url}/v1/applications/${COMMUNITY}/activities/${id}?fields=status`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      return ((await response.json()) as { status: unknown }).status;
    };
    expect(await status(ALIDA_SURVEY_ID)).toBe("Open");
    expect(await status(ALIDA_FORUM_ID)).toBe("closed");
  });

  it("returns only the selected fields, typed as such", async () => {
    const selected = await newClient().getActivity(ALIDA_SURVEY_ID, {
      fields: ["name", "status", "closedOn"],
    });
    expect(selected).toEqual({
      name: "Product feedback survey",
      status: "open",
      closedOn: daysAfter(sandbox.startedAt, 20),
    });
    // @ts-expect-error alternateId was not selected, so the type has no such key
    expect(selected.alternateId).toBeUndefined();
  });

  it("answers unknown field names with a 400 that names them", async () => {
    const token = await issueToken();
    const response = await fetch(
      `${sandbox.url}/v1/applications/${COMMUNITY}/activities/${ALIDA_SURVEY_ID}?fields=name,colour,size`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "Unknown fields: colour, size" });
  });

  it("follows the summary link to the member-event counts", async () => {
    const client = newClient();
    const summary = await client.getActivitySummary(await client.getActivity(ALIDA_SURVEY_ID));
    expect(summary).toMatchObject({
      distributionStatus: "open",
      memberEvents: { surveyInvited: 1200, surveyStarted: 640, surveyCompleted: 512 },
      links: [],
    });
    expect(summary.createDate).toBeInstanceOf(Date);
  });

  it("maps an unknown activity to not_found", async () => {
    await expect(newClient().getActivity("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "not_found",
      status: 404,
    });
  });
});

describe("Alida authorisation", () => {
  it("reports a wrong client secret as unauthorized, without the secret in the message", async () => {
    const wrongSecret = "definitely-not-the-secret-77";
    const error = await newClient({ clientSecret: wrongSecret })
      .getActivity(ALIDA_SURVEY_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlidaError);
    expect(error).toMatchObject({ code: "unauthorized", status: 401 });
    const message = (error as AlidaError).message;
    expect(message).not.toContain(wrongSecret);
    expect(message).not.toContain(CLIENT_SECRET);
  });

  it("answers an API call without a token with 401 and WWW-Authenticate: Bearer", async () => {
    const response = await fetch(`${sandbox.url}/v1/applications/${COMMUNITY}/activities/${ALIDA_SURVEY_ID}`);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(await response.json()).toEqual({ message: "Unauthorized" });
  });

  it("refuses grants other than client_credentials, with form-body client auth", async () => {
    const response = await fetch(`${sandbox.url}/oauth/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "password",
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "unsupported_grant_type" });
  });

  it("refreshes the token once after the sandbox revokes it, and the call succeeds", async () => {
    const client = newClient();
    await client.getActivity(ALIDA_SURVEY_ID);
    expect(sandbox.stats.tokenRequests).toBe(1);

    const revoke = await fetch(`${sandbox.url}/sandbox/alida/revoke-tokens`, { method: "POST" });
    // Earlier tests' tokens are still live on the shared sandbox, so at least ours.
    expect(((await revoke.json()) as { revoked: number }).revoked).toBeGreaterThanOrEqual(1);

    // Several calls at once: each sees a 401, but they share one new token.
    const results = await Promise.all([
      client.getActivity(ALIDA_SURVEY_ID),
      client.getActivity(ALIDA_FORUM_ID),
      client.getActivity(ALIDA_SURVEY_ID, { fields: ["status"] }),
    ]);
    expect(results.map((activity) => activity.status)).toEqual(["open", "closed", "open"]);
    expect(sandbox.stats.apiUnauthorized).toBe(3);
    expect(sandbox.stats.tokenRequests).toBe(2);
  });

  it("renews an expired token before using it (ttl 1 s)", async () => {
    // Both clocks (the client's token cache, the sandbox's token store) read Date.now() from when
    // they are made: a fake Date moves both past the token's life without waiting it out.
    vi.useFakeTimers({ toFake: ["Date"] });
    const shortLived = await startSandbox(1);
    try {
      const client = newClient({ url: shortLived.url });
      await client.getActivity(ALIDA_SURVEY_ID);
      // Used until a tenth of its life before it ends (900 ms of 1 s)...
      vi.setSystemTime(Date.now() + 899);
      await client.getActivity(ALIDA_SURVEY_ID);
      expect(shortLived.stats.tokenRequests).toBe(1);
      // ...and renewed from then on, before Alida would refuse it.
      vi.setSystemTime(Date.now() + 1);
      await client.getActivity(ALIDA_SURVEY_ID);
      expect(shortLived.stats.tokenRequests).toBe(2);
      expect(shortLived.stats.apiUnauthorized).toBe(0);
    } finally {
      vi.useRealTimers();
      await Promise.all(clients.splice(0).map((client) => client.close()));
      await shortLived.close();
    }
  });

  it("refuses a summary link on another origin and sends it nothing", async () => {
    let hits = 0;
    const elsewhere = createServer((_request, response) => {
      hits++;
      response.end("{}");
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    try {
      const port = (elsewhere.address() as AddressInfo).port;
      const client = newClient();
      const foreign = `http://127.0.0.1:${port}/c/services/api/v1/tenants/${seedProgram.alida.panelId}/activities/${ALIDA_SURVEY_ID}/summary`;
      await expect(client.getActivitySummary({ summaryHref: foreign })).rejects.toMatchObject({
        code: "untrusted_link",
      });
      await expect(client.getActivitySummary("https://attacker.example/steal")).rejects.toMatchObject({
        code: "untrusted_link",
      });
      expect(hits).toBe(0);
    } finally {
      elsewhere.close();
    }
  });
});

describe("Alida timeouts", () => {
  // Alida holds every request until the test ends: only the client can end the wait.
  it("gives up after timeoutMs with a timeout error", async () => {
    const hold = apiHold();
    sandbox.faults.hold = hold;
    // The deadline above the wait: a client that waited on would get its answer then, and fail here.
    const deadline = setTimeout(() => hold.release(), 10_000);
    try {
      const client = newClient({ timeoutMs: 300 });
      await expect(client.getActivity(ALIDA_SURVEY_ID)).rejects.toMatchObject({
        code: "timeout",
        status: null,
      });
    } finally {
      clearTimeout(deadline);
    }
  });

  it("ends the call at the caller's abort, with the caller's own reason", async () => {
    const hold = apiHold();
    sandbox.faults.hold = hold;
    // The client's own timeout is out of reach; the deadline releases Alida's answer. A call the
    // abort did not end would get that answer and succeed; one ended by its timeout could not.
    const deadline = setTimeout(() => hold.release(), 10_000);
    try {
      const controller = new AbortController();
      const call = newClient({ timeoutMs: 60_000 }).getActivity(ALIDA_SURVEY_ID, {
        signal: controller.signal,
      });
      await hold.arrived;
      controller.abort(new Error("member navigated away"));
      await expect(call).rejects.toThrow("member navigated away");
    } finally {
      clearTimeout(deadline);
    }
  });
});

async function issueToken(): Promise<string> {
  const response = await fetch(`${sandbox.url}/oauth/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}` },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}
