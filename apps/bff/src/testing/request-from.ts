import { request } from "node:http";

// One HTTP request from a chosen source address. Every 127.x.y.z is loopback on Linux, so tests can
// play several clients (or an untrusted peer) on one machine by binding 127.0.0.2, 127.0.0.3, …

export interface SourcedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface SourcedRequest {
  /** The source address to bind, e.g. "127.0.0.2". */
  from: string;
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: string;
  /** Deadline for the whole exchange (default 5 s). */
  timeoutMs?: number;
}

export function requestFrom(url: string, options: SourcedRequest): Promise<SourcedResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        headers: options.headers ?? {},
        localAddress: options.from,
        agent: false, // a fresh connection each time, so the source address is the one asked for
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          clearTimeout(deadline);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
        res.on("error", reject);
      },
    );
    const timeoutMs = options.timeoutMs ?? 5_000;
    const deadline = setTimeout(
      () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    req.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    req.end(options.body);
  });
}
