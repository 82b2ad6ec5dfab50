import { type ChildProcess, fork } from "node:child_process";

// A tiny request/answer protocol over the IPC channel between the bench orchestrator and the
// processes it measures, so that setup (sessions, fault rules, counters, gc) never goes through the
// HTTP paths being timed.

type Handler = (arg: never) => unknown;
export type Handlers = Record<string, Handler>;

interface Call {
  id: number;
  op: string;
  arg: unknown;
}
interface Answer {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** Child side: answer the orchestrator's calls; the first message it gets is `{ ready }`. */
export function serve(handlers: Handlers, ready: unknown): void {
  if (!process.send) throw new Error("bench children must be started with an IPC channel (fork)");
  process.on("message", (message: Call) => {
    const handler = handlers[message.op];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown op ${message.op}`);
        return handler(message.arg as never);
      })
      .then(
        (value) => process.send?.({ id: message.id, ok: true, value } satisfies Answer),
        (error: unknown) =>
          process.send?.({ id: message.id, ok: false, error: String(error) } satisfies Answer),
      );
  });
  // The orchestrator going away (Ctrl-C, crash) takes its children with it.
  process.on("disconnect", () => process.exit(0));
  process.send({ id: 0, ok: true, value: ready } satisfies Answer);
}

export interface Child<H extends Handlers> {
  readonly pid: number;
  readonly ready: unknown;
  call<K extends keyof H & string>(op: K, arg?: Parameters<H[K]>[0]): Promise<Awaited<ReturnType<H[K]>>>;
  stop(): Promise<void>;
}

/** Orchestrator side: start `script` (a .ts file Node runs directly) and wait for its `ready`. */
export async function start<H extends Handlers>(
  script: URL,
  options: { env?: Record<string, string>; execArgv?: string[] } = {},
): Promise<Child<H>> {
  const child: ChildProcess = fork(script, [], {
    env: { ...process.env, ...options.env },
    execArgv: options.execArgv ?? [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const ready = await new Promise<unknown>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) =>
      reject(new Error(`${script.pathname} exited (${code}) before it was ready`)),
    );
    child.on("message", (answer: Answer) => {
      if (answer.id === 0) {
        resolve(answer.value);
        return;
      }
      const waiter = pending.get(answer.id);
      pending.delete(answer.id);
      if (answer.ok) waiter?.resolve(answer.value);
      else waiter?.reject(new Error(answer.error));
    });
  });
  child.removeAllListeners("exit");
  child.on("exit", () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${script.pathname} exited`));
    pending.clear();
  });
  return {
    pid: child.pid ?? -1,
    ready,
    call(op, arg) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, op, arg } satisfies Call);
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** CPU time a process used, in ms, for per-phase deltas. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
