import { parseSandboxEnv } from "./env.ts";
import { startSandbox } from "./start.ts";

const sandbox = await startSandbox(parseSandboxEnv());
console.log(`sandbox listening on ${sandbox.url} (CrowdTwist, Alida, sign-in at ${sandbox.url}/oidc)`);
// Every member's profile, expiring points and segments at start, as CrowdTwist pushes them whenever
// it (re)synchronises.
void sandbox.pushAll();

const stop = () => void sandbox.close().then(() => process.exit(0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
// Started by the launcher (scripts/serve.mjs): stop with it, even when it was killed.
if (process.send) process.once("disconnect", stop);
