import { get, type IncomingMessage } from "node:http";
import type { Agent } from "@portal/sandbox/testing/agent";

// A browser tab's live-update stream for integration tests: GET /api/me/events over plain node:http
// with the agent's cookies, so a test sees the status and headers at once, everything received so far
// (the error body of a refused stream too), and whether the server ended the stream.

export interface LiveTab {
  res: IncomingMessage;
  status: number;
  /** Everything received so far. */
  text: () => string;
  events: () => { id: string; event: string; data: string }[];
  /** The server ended the stream. */
  ended: () => boolean;
  /** The tab goes away. */
  close: () => void;
}

export function openLiveTab(
  portalUrl: string,
  agent: Agent,
  headers: Record<string, string> = {},
): Promise<LiveTab> {
  const cookie = [...agent.cookies.values()].map((c) => `${c.name}=${c.value}`).join("; ");
  const url = new URL("/api/me/events", portalUrl);
  return new Promise((resolve, reject) => {
    let text = "";
    let ended = false;
    const req = get(
      { host: "127.0.0.1", port: url.port, path: url.pathname, headers: { cookie, ...headers } },
      (res) => {
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => {
          ended = true;
        });
        resolve({
          res,
          status: res.statusCode ?? 0,
          text: () => text,
          ended: () => ended,
          close: () => req.destroy(),
          events: () =>
            text
              .split("\n\n")
              .filter((block) => block.includes("event:"))
              .map((block) => {
                const field = (name: string) =>
                  block
                    .split("\n")
                    .filter((line) => line.startsWith(`${name}: `))
                    .map((line) => line.slice(name.length + 2))
                    .join("\n");
                return { id: field("id"), event: field("event"), data: field("data") };
              }),
        });
      },
    );
    req.on("error", reject);
  });
}
