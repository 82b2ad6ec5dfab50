import { Agent, request as httpRequest } from "node:http";
import { livePushBody } from "@portal/bff/live-push/profile-fixture";
import { load } from "./load.ts";
import { benchUsername } from "./members.ts";

// Live Push deliveries as CrowdTwist sends them: distinct pushes for the load (members in round
// robin, each newer than every push before it) and one timed push for the fan-out figures.

export const LIVE_PUSH_API_KEY = "bench-live-push-key-0123456789";
export const WEBHOOK_PATH = "/webhooks/crowdtwist/user-profile";
export const PUSH_HEADERS = { "content-type": "application/json", "x-api-key": LIVE_PUSH_API_KEY };
/** dateLastUpdated (epoch seconds) of the first push; every push after it is one second newer. */
export const PUSH_EPOCH = 1_700_000_000;

let pushTurn = 0;
/** The next distinct push: members in round robin, each push newer than every one before it. */
export function nextPush(members: number) {
  const turn = pushTurn++;
  return {
    path: WEBHOOK_PATH,
    body: JSON.stringify(
      livePushBody(benchUsername(turn % members), { dateLastUpdated: PUSH_EPOCH + turn, totalPoints: turn }),
    ),
  };
}

export function pushLoad(
  url: string,
  options: { seconds: number; members: number; connections: number; overallRate?: number },
) {
  return load({
    url,
    method: "POST",
    connections: options.connections,
    seconds: options.seconds,
    headers: PUSH_HEADERS,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    next: () => nextPush(options.members),
  });
}

const pushAgent = new Agent({ keepAlive: true, maxSockets: 1 });
let timedTurn = 0;

/** Sends one push for `member` and resolves to the version the BFF stored and when it was sent. */
export function sendPush(base: string, member: string) {
  const turn = timedTurn++;
  const body = JSON.stringify(
    livePushBody(member, { dateLastUpdated: PUSH_EPOCH + 10_000_000 + turn, totalPoints: turn }),
  );
  return new Promise<{ sentAt: number; version: string; status: number }>((resolve, reject) => {
    const req = httpRequest(new URL(WEBHOOK_PATH, base), {
      method: "POST",
      agent: pushAgent,
      headers: { ...PUSH_HEADERS, "content-length": String(Buffer.byteLength(body)) },
    });
    req.on("error", reject);
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => {
        const answer = JSON.parse(text) as { version?: number };
        resolve({ sentAt, version: String(answer.version ?? "?"), status: res.statusCode ?? 0 });
      });
    });
    const sentAt = performance.now();
    req.end(body);
  });
}

export const closePushAgent = () => pushAgent.destroy();
