import { createDeadline, type Deadline } from "@portal/upstream-http/deadline";
import { createPoolSet } from "@portal/upstream-http/pool-set";
import type { HttpAnswer } from "@portal/upstream-http/send-request";
import {
  type AlidaActivity,
  type AlidaActivityField,
  type AlidaActivitySelection,
  alidaActivitySchema,
} from "./activity.ts";
import { AlidaError, alidaErrorForStatus } from "./errors.ts";
import { parseBody } from "./parse-body.ts";
import { sendAlidaRequest } from "./send-request.ts";
import { type AlidaActivitySummary, alidaActivitySummarySchema } from "./summary.ts";
import { createTokenCache } from "./token-cache.ts";

export interface AlidaClientOptions {
  /** The regional API origin, e.g. https://api.us.alida.com (a path prefix is kept). */
  baseUrl: string;
  communityApiKeyName: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Budget for one client call, token fetch and 401 retry included. Default 5 s. */
  timeoutMs?: number | undefined;
  /** Keep-alive connections per origin. Default 16. */
  connections?: number | undefined;
}

export interface AlidaCallOptions {
  signal?: AbortSignal | undefined;
}

export interface AlidaClient {
  getActivity(id: string, options?: AlidaCallOptions): Promise<AlidaActivity>;
  /** With `fields`, only those fields are asked for, and the result type says so. */
  getActivity<const F extends readonly AlidaActivityField[]>(
    id: string,
    options: AlidaCallOptions & { fields: F },
  ): Promise<AlidaActivitySelection<F>>;
  /** Follows the activity's "summary" link (or the href itself) — only on the baseUrl's origin. */
  getActivitySummary(
    activityOrHref: string | Pick<AlidaActivity, "summaryHref">,
    options?: AlidaCallOptions,
  ): Promise<AlidaActivitySummary>;
  close(): Promise<void>;
}

export function createAlidaClient(options: AlidaClientOptions): AlidaClient {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 5_000;
  const pools = createPoolSet({ connections: options.connections ?? 16 });
  const tokens = createTokenCache({
    tokenUrl: options.tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    timeoutMs,
    dispatcher: pools.get(new URL(options.tokenUrl).origin),
  });

  async function token(deadline: Deadline): Promise<string> {
    try {
      return await tokens.getToken(deadline.signal);
    } catch (error) {
      // The caller gave up: hand back its own reason, as fetch does.
      if (deadline.endedBy() === "caller") throw deadline.signal.reason;
      if (deadline.endedBy() === "time" && !(error instanceof AlidaError)) {
        throw new AlidaError("timeout", `Alida did not issue a token within ${timeoutMs} ms`);
      }
      throw error;
    }
  }

  /**
   * GET with our bearer token; on a 401 the token is renewed and the call tried once more. One
   * deadline spans it all: the token fetch, the call and its retry.
   */
  async function authorizedGet(url: URL, what: string, signal: AbortSignal | undefined): Promise<HttpAnswer> {
    const deadline = createDeadline(timeoutMs, signal);
    try {
      return await authorizedGetWithin(url, what, deadline);
    } finally {
      deadline.clear();
    }
  }

  async function authorizedGetWithin(url: URL, what: string, deadline: Deadline): Promise<HttpAnswer> {
    const send = (bearer: string) =>
      sendAlidaRequest(
        pools.get(url.origin),
        {
          method: "GET",
          url,
          what,
          headers: { authorization: `Bearer ${bearer}`, accept: "application/json" },
        },
        deadline,
      );
    const first = await token(deadline);
    let response = await send(first);
    if (response.status === 401) {
      tokens.invalidate(first);
      response = await send(await token(deadline));
    }
    if (response.status !== 200) throw alidaErrorForStatus(response.status, what);
    return response;
  }

  async function getActivity(
    id: string,
    callOptions: AlidaCallOptions & { fields?: readonly AlidaActivityField[] } = {},
  ): Promise<AlidaActivity> {
    const url = new URL(
      `${basePath}/v1/applications/${encodeURIComponent(options.communityApiKeyName)}/activities/${encodeURIComponent(id)}`,
      base,
    );
    const fields = callOptions.fields ?? [];
    if (fields.length > 0) url.searchParams.set("fields", fields.join(","));
    const what = `activity ${id}`;
    const response = await authorizedGet(url, what, callOptions.signal);
    const activity = parseBody(response.text, alidaActivitySchema, what, response.status);
    return fields.length > 0 ? onlySelected(activity, fields) : activity;
  }

  return {
    getActivity: getActivity as AlidaClient["getActivity"],

    async getActivitySummary(activityOrHref, callOptions = {}) {
      const href = typeof activityOrHref === "string" ? activityOrHref : activityOrHref.summaryHref;
      if (href === undefined) {
        throw new AlidaError(
          "no_summary_link",
          "This activity carries no summary link; fetch it without a fields= selection first",
        );
      }
      const url = URL.parse(href, base.href);
      if (!url || url.origin !== base.origin) {
        throw new AlidaError(
          "untrusted_link",
          `Refusing to follow a summary link outside ${base.origin}; our access token is only sent there`,
        );
      }
      const what = "activity summary";
      const response = await authorizedGet(url, what, callOptions.signal);
      return parseBody(response.text, alidaActivitySummarySchema, what, response.status);
    },

    async close() {
      await tokens.close();
      await pools.close();
    },
  };
}

// If the upstream ignores `fields=`, still hand back only what was asked for, so the runtime value
// matches its type.
function onlySelected(activity: AlidaActivity, fields: readonly AlidaActivityField[]): AlidaActivity {
  const keep = new Set<string>([...fields, "links", "href", "summaryHref"]);
  return Object.fromEntries(Object.entries(activity).filter(([key]) => keep.has(key))) as AlidaActivity;
}
