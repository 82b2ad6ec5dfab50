import { type ClientRequest, request } from "node:http";

// Many Server-Sent Events clients in this (the load) process, as raw node:http requests, one socket
// each: every complete frame's arrival time is recorded under "<tag>|<event id>", so a figure can ask
// when each of the tabs it expects received a given event. Times are performance.now() of this process.

export interface StreamSpec {
  /** Groups the streams (the member they belong to); part of the receipt key. */
  tag: string;
  headers: Record<string, string>;
  /** Where this stream connects, when not to the swarm's base (streams spread over instances). */
  base?: string;
}

export interface Swarm {
  readonly open: number;
  /** Receipt times (performance.now()) of event `id` by the streams tagged `tag` ("*" = any tag). */
  receipts(tag: string, id: string): number[];
  /** Resolves when `count` streams of `tag` have received `id`, or after `timeoutMs`. */
  waitFor(tag: string, id: string, count: number, timeoutMs: number): Promise<number[]>;
  close(): void;
}

export async function openSwarm(
  base: string,
  path: string,
  specs: StreamSpec[],
  batch = 100,
): Promise<Swarm> {
  const received = new Map<string, number[]>();
  const requests: ClientRequest[] = [];
  const waiters = new Set<() => void>();
  let open = 0;
  const record = (key: string, at: number) => {
    let list = received.get(key);
    if (!list) {
      list = [];
      received.set(key, list);
    }
    list.push(at);
  };

  const connect = (spec: StreamSpec) =>
    new Promise<void>((resolve, reject) => {
      const req = request(new URL(path, spec.base ?? base), {
        agent: false,
        headers: { accept: "text/event-stream", ...spec.headers },
      });
      requests.push(req);
      req.on("error", reject);
      req.on("response", (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`${path} answered ${res.statusCode}`));
          return;
        }
        open += 1;
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end = buffer.indexOf("\n\n");
          let any = false;
          while (end >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf("\n\n");
            if (!frame.startsWith("id: ")) continue; // retry:, : ping
            const id = frame.slice(4, frame.indexOf("\n"));
            record(`${spec.tag}|${id}`, at);
            record(`*|${id}`, at);
            any = true;
          }
          if (any) for (const wake of waiters) wake();
        });
        res.on("close", () => {
          open -= 1;
        });
        resolve();
      });
      req.end();
    });

  for (let i = 0; i < specs.length; i += batch) {
    await Promise.all(specs.slice(i, i + batch).map(connect));
  }

  return {
    get open() {
      return open;
    },
    receipts: (tag, id) => received.get(`${tag}|${id}`) ?? [],
    waitFor(tag, id, count, timeoutMs) {
      const key = `${tag}|${id}`;
      return new Promise((resolve) => {
        const done = () => {
          const list = received.get(key) ?? [];
          if (list.length < count) return false;
          finish();
          return true;
        };
        const timer = setTimeout(() => finish(), timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(received.get(key) ?? []);
        };
        const wake = () => void done();
        if (!done()) waiters.add(wake);
      });
    },
    close() {
      for (const req of requests) req.destroy();
    },
  };
}
