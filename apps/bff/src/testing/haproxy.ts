import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { accepts, freePort } from "../ports.ts";

// A real haproxy (Debian's package) in front of a test BFF on loopback, as production runs it behind
// a reverse proxy. `npm test` installs it with apt-get when it is missing; a test that needs it fails
// with that advice rather than skipping.

export interface RunningHaproxy {
  /** Where clients connect: http://127.0.0.1:<port> */
  url: string;
  stop(): Promise<void>;
}

const START_DEADLINE_MS = 10_000;
const STOP_DEADLINE_MS = 5_000;

export function haproxyBinary(): string {
  const dirs = ["/usr/sbin", "/usr/local/sbin", ...(process.env.PATH ?? "").split(delimiter)];
  const found = dirs.map((dir) => join(dir, "haproxy")).find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      "haproxy is not installed, so the behind-a-proxy test cannot run. `npm test` installs Debian's haproxy with apt-get (as root or with passwordless sudo); or run `apt-get install -y haproxy`.",
    );
  }
  return found;
}

/** Starts haproxy on a free loopback port, forwarding to `backendPort` with `option forwardfor`. */
export async function startHaproxy(backendPort: number): Promise<RunningHaproxy> {
  const binary = haproxyBinary();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "portal-haproxy-"));
  const config = join(dir, "haproxy.cfg");
  writeFileSync(
    config,
    [
      "global",
      "  maxconn 256",
      "defaults",
      "  mode http",
      "  timeout connect 2s",
      "  timeout client 10s",
      "  timeout server 10s",
      "frontend portal",
      `  bind 127.0.0.1:${port}`,
      // Appends the client's address as its own X-Forwarded-For line, keeping whatever the client sent.
      "  option forwardfor",
      "  default_backend bff",
      "backend bff",
      `  server bff1 127.0.0.1:${backendPort}`,
      "",
    ].join("\n"),
  );
  // -db: stay in the foreground, so the child is haproxy itself and a signal reaches it.
  const child = spawn(binary, ["-db", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.removeListener("exit", killOnExit);
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilListening(port, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}

async function waitUntilListening(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`haproxy exited at start (${child.exitCode ?? child.signalCode}):\n${stderr()}`);
    }
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`haproxy did not listen on 127.0.0.1:${port} within ${START_DEADLINE_MS} ms:\n${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), STOP_DEADLINE_MS);
  });
  const outcome = await Promise.race([exited, late]);
  clearTimeout(timer);
  if (outcome === "late") {
    child.kill("SIGKILL"); // cannot be ignored: the exit follows
    await exited;
  }
}
