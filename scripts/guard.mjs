// Runs a program (redis-server, haproxy) for the launcher and stops it when the launcher goes away,
// however it went (its IPC channel closes even on SIGKILL), so nothing is left holding a port.
//   node scripts/guard.mjs <program> [args…]
import { spawn } from "node:child_process";

const [program, ...args] = process.argv.slice(2);
if (!program) {
  process.stderr.write("usage: node scripts/guard.mjs <program> [args…]\n");
  process.exit(2);
}
const child = spawn(program, args, { stdio: "inherit" });
const stop = (signal = "SIGTERM") => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
if (process.send) process.once("disconnect", () => stop());
child.on("error", (error) => {
  process.stderr.write(`${program}: ${error.message}\n`);
  process.exit(1);
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
