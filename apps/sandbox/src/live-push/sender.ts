import type { LivePushBody } from "./profile.ts";

// Sends Live Push profiles the way a real sender behaves: it retries until acknowledged, and on
// request (fault injection) it duplicates deliveries or delivers an older profile after a newer one.

export type LivePushAuth =
  | { kind: "api-key"; apiKey: string }
  | { kind: "basic"; user: string; password: string }
  | { kind: "none" };

export interface LivePushFaults {
  duplicate: boolean;
  outOfOrder: boolean;
}

export interface Delivery {
  userName: string;
  dateLastUpdated: number;
  status: number | "network-error";
  attempt: number;
  at: string;
  note?: "duplicate" | "out-of-order";
}

const MAX_ATTEMPTS = 6;
const MAX_LOG = 200;

function authHeaders(auth: LivePushAuth): Record<string, string> {
  if (auth.kind === "api-key") return { "x-api-key": auth.apiKey };
  if (auth.kind === "basic") {
    return { authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString("base64")}` };
  }
  return {};
}

const retryable = (status: number | "network-error") =>
  status === "network-error" || status === 408 || status === 429 || status >= 500 || status === 404;

export function createLivePushSender(options: { url: string; auth: LivePushAuth; baseDelayMs?: number }) {
  const baseDelayMs = options.baseDelayMs ?? 500;
  const faults: LivePushFaults = { duplicate: false, outOfOrder: false };
  const previous = new Map<string, LivePushBody>();
  const deliveries: Delivery[] = [];

  function record(delivery: Delivery) {
    deliveries.push(delivery);
    if (deliveries.length > MAX_LOG) deliveries.shift();
  }

  async function post(body: LivePushBody, note?: Delivery["note"]): Promise<boolean> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      let status: Delivery["status"];
      try {
        const response = await fetch(options.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...authHeaders(options.auth) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        status = "network-error";
      }
      record({
        userName: body.userName,
        dateLastUpdated: body.dateLastUpdated,
        status,
        attempt,
        at: new Date().toISOString(),
        ...(note ? { note } : {}),
      });
      if (typeof status === "number" && status >= 200 && status < 300) return true;
      if (!retryable(status) || attempt === MAX_ATTEMPTS) return false;
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)));
    }
    return false;
  }

  return {
    faults,
    deliveries: () => [...deliveries],
    setFaults(next: { [K in keyof LivePushFaults]?: boolean | undefined }) {
      faults.duplicate = next.duplicate ?? faults.duplicate;
      faults.outOfOrder = next.outOfOrder ?? faults.outOfOrder;
    },
    /** Delivers a profile (with retries); resolves to whether it was acknowledged. */
    async send(body: LivePushBody): Promise<boolean> {
      const older = previous.get(body.userName);
      previous.set(body.userName, body);
      const acknowledged = await post(body);
      if (faults.duplicate) await post(body, "duplicate");
      if (faults.outOfOrder && older) await post(older, "out-of-order");
      return acknowledged;
    },
  };
}
export type LivePushSender = ReturnType<typeof createLivePushSender>;
