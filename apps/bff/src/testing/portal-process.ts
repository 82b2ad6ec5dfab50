import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { freePort } from "../ports.ts";
import { killProcess } from "./kill-process.ts";

// The real BFF as its own process, for tests that kill it: `kill -9` and start again on the same
// port, as a crashed or redeployed instance comes back behind its proxy.

const MAIN = resolve(import.meta.dirname, "../main.ts");

export interface PortalProcess {
  url: string;
  /** Everything the process printed, for a failing test's message. */
  output(): string;
  /** SIGKILL: no graceful close, no flushing; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts the process again (it must not be running) and waits until it answers. */
  start(): Promise<void>;
}

/**
 * `env` is the BFF's environment; `withUrl`, given the portal's URL before it starts, can start what
 * needs to know it (the sandbox, which redirects sign-ins and pushes there) and add to the environment.
 */
export async function startPortalProcess(
  env: Record<string, string>,
  withUrl: (url: string) => Promise<Record<string, string>> = async () => ({}),
): Promise<PortalProcess> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const fullEnv = { ...env, ...(await withUrl(url)) };
  let child: ChildProcess | null = null;
  let output = "";

  async function start() {
    if (child && child.exitCode === null && child.signalCode === null) throw new Error("already running");
    const started = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "development",
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: url,
        ...fullEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = started;
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    started.stdout?.on("data", collect);
    started.stderr?.on("data", collect);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (started.exitCode !== null) throw new Error(`the portal exited (${started.exitCode}):\n${output}`);
      const up = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1_000) })
        .then((response) => response.ok)
        .catch(() => false);
      if (up) return;
      await new Promise((done) => setTimeout(done, 100));
    }
    started.kill("SIGKILL");
    throw new Error(`the portal did not answer within 30 s:\n${output}`);
  }

  await start();
  return { url, output: () => output, kill: () => killProcess(child), start };
}
