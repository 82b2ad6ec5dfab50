import { zValidator } from "@hono/zod-validator";
import { Agent, type AgentResponse } from "@portal/sandbox/testing/agent";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { SANDBOX_API_KEY } from "./testing/sandbox.ts";
import {
  ALIDA_CLIENT_SECRET,
  LIVE_PUSH_API_KEY,
  OIDC_CLIENT_SECRET,
  startTestSystem,
  type TestSystem,
} from "./testing/system.ts";

// One error contract on every route (docs/decisions/0035): every route the server registers is
// walked, and each of its error answers (an unknown path beneath it, a body that is not JSON or not
// declared as JSON, fields that are wrong, no credentials) must be the one shape,
// {"error":{"code","message","requestId","issues"?}}, with the refused fields by path. A route added
// without an entry in CONTRACTS fails the first test: say who calls it and what input it reads.

type Caller = "anyone" | "member" | "manager" | "crowdtwist" | "monitoring";

interface RouteContract {
  caller: Caller;
  /**
   * The input the route reads, as a request whose every field is wrong, and the paths the answer
   * must name. `status` is 400 unless the route says otherwise (the webhooks' 422: resending cannot help).
   */
  invalid?: { query?: string; path?: string; json?: unknown; paths: string[]; status?: number };
  /** Sign-in is a chain of full-page navigations: its failures redirect to a page, not JSON (ADR 0014). */
  navigation?: true;
  /** Opens a stream that stays open: only its refusals are probed. */
  stream?: true;
}

const webhook = (paths: string[]): RouteContract => ({
  caller: "crowdtwist",
  // Every field of the wrong type: the answer names where, never the value.
  invalid: { json: { id: [], thirdPartyId: 5 }, paths, status: 422 },
});

const CONTRACTS: Record<string, RouteContract> = {
  "GET /api/health": { caller: "anyone" },
  "GET /api/ready": { caller: "anyone" },
  "GET /api/status": { caller: "anyone" },
  "GET /api/auth/login": {
    caller: "anyone",
    navigation: true,
    invalid: { query: "?returnTo=/a&returnTo=/b", paths: ["returnTo"] },
  },
  "GET /api/auth/callback": { caller: "anyone", navigation: true },
  "POST /api/auth/logout": { caller: "anyone" },
  "GET /api/me": { caller: "anyone" },
  "GET /api/me/events": { caller: "member", stream: true },
  "GET /api/me/history": {
    caller: "member",
    invalid: { query: "?cursor=not-a-cursor&limit=0", paths: ["cursor", "limit"] },
  },
  "GET /api/me/activities": { caller: "member" },
  "GET /api/manager/activities": { caller: "manager" },
  "GET /api/manager/activities/:id": {
    caller: "manager",
    invalid: { path: "/api/manager/activities/sixty-four", paths: ["id"] },
  },
  "POST /api/manager/preview-member": {
    caller: "manager",
    invalid: { json: { idType: "fax", userId: 5, reason: "short" }, paths: ["idType", "userId", "reason"] },
  },
  "GET /api/manager/audit": {
    caller: "manager",
    invalid: { query: "?from=2025-13-45&member=a%01b&limit=0", paths: ["from", "member", "limit"] },
  },
  "GET /api/manager/audit/managers": { caller: "manager" },
  "GET /api/manager/audit/export": {
    caller: "manager",
    invalid: { query: "?from=yesterday&to=2025-02-30", paths: ["from", "to"] },
  },
  "POST /webhooks/crowdtwist/user-profile": webhook(["dateLastUpdated"]),
  "POST /webhooks/crowdtwist/user-activity": webhook(["userActivityId", "activityId", "points"]),
  "POST /webhooks/crowdtwist/user-redemption": webhook(["orderId", "orderDate"]),
  "POST /webhooks/crowdtwist/points-expiration": webhook(["message_date"]),
  "POST /webhooks/crowdtwist/user-segmentation": webhook([
    "type",
    "subscription_id",
    "event",
    "date_occurred",
  ]),
  "GET /metrics": { caller: "monitoring" },
};

/** The single-page app's own routes: pages, answered with HTML by design (its not-found page too). */
const PAGE_ROUTES = new Set(["GET /", "GET /index.html", "GET /*"]);

const SECRETS = [OIDC_CLIENT_SECRET, LIVE_PUSH_API_KEY, ALIDA_CLIENT_SECRET, SANDBOX_API_KEY];
const ISSUE_KEYS = ["message", "path"];

/** Everything wrong with an error answer's shape; none for one that keeps the contract. */
function errorShapeProblems(status: number, headers: Headers, text: string): string[] {
  const problems: string[] = [];
  if (status < 400) problems.push(`status ${status} is no error`);
  if (status >= 500) problems.push(`status ${status}: a probe of the input is never the server's fault`);
  if (!headers.get("content-type")?.startsWith("application/json")) {
    problems.push(`content type ${headers.get("content-type")}`);
  }
  for (const secret of SECRETS) if (text.includes(secret)) problems.push("a secret in the body");
  if (/\n\s+at /.test(text)) problems.push("a stack trace in the body");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...problems, `not JSON: ${text.slice(0, 80)}`];
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (typeof body !== "object" || body === null || Object.keys(body).join() !== "error" || !error) {
    return [...problems, `not {"error":…}: ${text.slice(0, 120)}`];
  }
  const keys = Object.keys(error).sort().join();
  if (keys !== "code,message,requestId" && keys !== "code,issues,message,requestId") {
    problems.push(`error has the keys ${keys}`);
  }
  if (typeof error.code !== "string" || !/^[a-z][a-z_]*[a-z]$/.test(error.code)) {
    problems.push(`code ${String(error.code)}`);
  }
  // A sentence a person can act on, not a library's status line.
  if (typeof error.message !== "string" || !/^[A-Za-z].*[.)]$/s.test(error.message)) {
    problems.push(`message ${JSON.stringify(error.message)}`);
  }
  if (typeof error.requestId !== "string" || error.requestId !== headers.get("x-request-id")) {
    problems.push("the request id is not the one in x-request-id");
  }
  if ("issues" in error) {
    const issues = error.issues;
    const wellFormed =
      Array.isArray(issues) &&
      issues.length > 0 &&
      issues.every(
        (issue: Record<string, unknown>) =>
          Object.keys(issue).sort().join() === ISSUE_KEYS.join() &&
          typeof issue.path === "string" &&
          typeof issue.message === "string" &&
          issue.message !== "",
      );
    if (!wellFormed) problems.push(`issues ${JSON.stringify(issues)}`);
  }
  return problems;
}

const problemsOf = (response: AgentResponse) =>
  errorShapeProblems(response.status, response.headers, response.text);

let system: TestSystem;
let callers: Record<Caller, Agent>;
const callerHeaders: Record<Caller, Record<string, string>> = {
  anyone: {},
  member: {},
  manager: {},
  crowdtwist: { "x-api-key": LIVE_PUSH_API_KEY },
  monitoring: {},
};

beforeAll(async () => {
  system = await startTestSystem();
  const anonymous = new Agent(system.portalUrl);
  callers = {
    anyone: anonymous,
    member: await system.signIn("ava"),
    manager: await system.signIn("morgan"),
    crowdtwist: anonymous,
    monitoring: anonymous,
  };
});
afterAll(() => system.close());

/** Every route the server registers, as `METHOD path`, less the middleware and the app's pages. */
function registeredRoutes(): string[] {
  const names = system.bff.app.routes
    .filter((route) => route.method !== "ALL")
    .map((route) => `${route.method} ${route.path}`)
    .filter((name) => !PAGE_ROUTES.has(name));
  return [...new Set(names)].sort();
}

/** The route's path with a sample value for each parameter. */
const concrete = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, "101");

/** A request as the route's caller makes it: the portal's page (CSRF, same origin) or CrowdTwist. */
function send(
  caller: Caller,
  method: string,
  path: string,
  body?: { type: string; text: string },
): Promise<AgentResponse> {
  const headers: Record<string, string> = { ...callerHeaders[caller] };
  // A read carries no body (fetch refuses one on GET).
  const sent = method === "GET" ? undefined : body;
  if (method !== "GET") Object.assign(headers, { "x-csrf": "1", origin: system.portalUrl });
  if (sent) headers["content-type"] = sent.type;
  return callers[caller].request(method, path, { headers, ...(sent ? { body: sent.text } : {}) });
}

function contractOf(route: string): RouteContract {
  const contract = CONTRACTS[route];
  if (!contract) throw new Error(`${route} has no entry in CONTRACTS`);
  return contract;
}

describe("the error contract", () => {
  it("knows every route the server registers (a new route needs its entry above)", () => {
    expect(registeredRoutes()).toEqual(Object.keys(CONTRACTS).sort());
  });

  it("answers an unknown path beneath every API route and webhook with not_found in the shape", async () => {
    for (const route of registeredRoutes()) {
      const [method = "", path = ""] = route.split(" ");
      if (!/^\/(api|webhooks)\//.test(path)) continue;
      // With every right (a manager passes every guard on /api), so that only the path is wrong.
      const caller = path.startsWith("/webhooks/") ? "crowdtwist" : "manager";
      // Two segments: one alone could be a parameter's value (/api/manager/activities/:id).
      const response = await send(caller, method, `${concrete(path)}/no/such-thing`, {
        type: "application/json",
        text: "{}",
      });
      expect(problemsOf(response), route).toEqual([]);
      expect(response.status, route).toBe(404);
      expect(response.json(), route).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("answers every route called without its caller's credentials in the shape (or, for sign-in, with its page)", async () => {
    for (const route of registeredRoutes()) {
      const [method = "", path = ""] = route.split(" ");
      const contract = contractOf(route);
      if (contract.caller === "anyone" || contract.caller === "monitoring") continue;
      const response = await send("anyone", method, concrete(path), {
        type: "application/json",
        text: "{}",
      });
      expect(problemsOf(response), route).toEqual([]);
      expect(response.status, route).toBe(401);
    }
  });

  it("answers a body that is not JSON with malformed_json, and one not declared as JSON with 415, on every route that reads one", async () => {
    for (const route of registeredRoutes()) {
      const [method = "", path = ""] = route.split(" ");
      if (method === "GET") continue;
      const contract = contractOf(route);
      const readsJson = contract.invalid?.json !== undefined;
      const malformed = await send(contract.caller, method, concrete(path), {
        type: "application/json",
        text: '{"idType": "third_party_id", "userId": ',
      });
      const untyped = await send(contract.caller, method, concrete(path), {
        type: "text/plain",
        text: "idType=third_party_id",
      });
      if (!readsJson) {
        // A route that takes no body ignores one; whatever it answers, an error keeps the shape.
        for (const response of [malformed, untyped]) {
          if (response.status >= 400) expect(problemsOf(response), route).toEqual([]);
        }
        continue;
      }
      expect(problemsOf(malformed), `${route} malformed`).toEqual([]);
      expect(malformed.status, route).toBe(400);
      expect(malformed.json(), route).toMatchObject({ error: { code: "malformed_json" } });
      expect(problemsOf(untyped), `${route} text/plain`).toEqual([]);
      expect(untyped.status, route).toBe(415);
      expect(untyped.json(), route).toMatchObject({ error: { code: "unsupported_media_type" } });
    }
  });

  it("names every refused field by its path, on every route that reads input", async () => {
    for (const route of registeredRoutes()) {
      const [method = "", path = ""] = route.split(" ");
      const contract = contractOf(route);
      const invalid = contract.invalid;
      if (!invalid) continue;
      const target = `${invalid.path ?? concrete(path)}${invalid.query ?? ""}`;
      const response = await send(
        contract.caller,
        method,
        target,
        invalid.json === undefined
          ? undefined
          : { type: "application/json", text: JSON.stringify(invalid.json) },
      );
      if (contract.navigation) {
        // The failure page says what happened in the member's language; the address carries no input.
        expect(response.status, route).toBe(302);
        expect(response.location, route).toMatch(/\/sign-in-failed\?reason=failed&ref=[\w-]+$/);
        continue;
      }
      expect(problemsOf(response), route).toEqual([]);
      expect(response.status, route).toBe(invalid.status ?? 400);
      const { error } = response.json<{
        error: { message: string; issues: { path: string; message: string }[] };
      }>();
      expect(
        error.issues.map((issue) => issue.path),
        route,
      ).toEqual(expect.arrayContaining(invalid.paths));
      if ((invalid.status ?? 400) === 400) {
        // The first problem is the message too, and every problem is in words that name its field.
        expect(error.message, route).toBe(error.issues[0]?.message);
        for (const issue of error.issues)
          expect(issue.message, `${route} ${issue.path}`).toContain(issue.path);
      }
    }
  });

  it("answers in the shape outside the API too: a method nothing serves, a refused metrics scrape", async () => {
    const anonymous = callers.anyone;
    for (const [method, path] of [
      ["POST", "/"],
      ["DELETE", "/activities/101"],
      ["POST", "/metrics"],
      ["PUT", "/assets/index.js"],
      ["GET", "/webhooks/crowdtwist/no-such-feed"],
    ] as const) {
      const response = await anonymous.request(method, path);
      expect(problemsOf(response), `${method} ${path}`).toEqual([]);
      expect(response.status, `${method} ${path}`).toBe(404);
    }
  });

  it("catches a route that answers with a library's own body (the check above is not vacuous)", async () => {
    // Hono's default handler prints what it answers 500 for; that print is not what is tested.
    vi.spyOn(console, "error").mockImplementation(() => {});
    const bypass = new Hono()
      .post("/raw", zValidator("json", z.object({ reason: z.string().min(10) })), (c) => c.json({}, 200))
      .get("/thrown", () => {
        throw new Error("connect ECONNREFUSED with key k-0123456789");
      });
    const raw = await bypass.request("/raw", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(errorShapeProblems(raw.status, raw.headers, await raw.text())).not.toEqual([]);
    const thrown = await bypass.request("/thrown");
    expect(errorShapeProblems(thrown.status, thrown.headers, await thrown.text())).not.toEqual([]);
    const missing = await bypass.request("/nothing");
    expect(errorShapeProblems(missing.status, missing.headers, await missing.text())).not.toEqual([]);
    vi.restoreAllMocks();
  });
});
