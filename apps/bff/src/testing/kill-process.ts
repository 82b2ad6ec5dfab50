import type { ChildProcess } from "node:child_process";

/** SIGKILL (no graceful close, as a crash): resolves once the process is gone; nothing if it is not running. */
export async function killProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((done) => child.once("exit", done));
  child.kill("SIGKILL");
  await gone;
}
