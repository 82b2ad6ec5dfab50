// Runs the sandbox and the BFF side by side with one set of secrets, prints where to go, and stops
// both when either stops. `npm start` builds the web app first, then calls this.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const secret = () => randomBytes(24).toString("base64url");

/** The environment of both processes: what the caller set, and generated secrets for the rest. */
export function systemEnv(source = process.env) {
  const port = source.PORT ?? "3000";
  const sandboxPort = source.SANDBOX_PORT ?? "4010";
  const portalUrl = source.PUBLIC_URL ?? `http://localhost:${port}`;
  const sandboxUrl = source.SANDBOX_PUBLIC_URL ?? `http://localhost:${sandboxPort}`;
  const useBasic = source.LIVE_PUSH_BASIC_USER && source.LIVE_PUSH_BASIC_PASSWORD;
  return {
    ...source,
    PORT: port,
    SANDBOX_PORT: sandboxPort,
    PUBLIC_URL: portalUrl,
    PORTAL_URL: portalUrl,
    SANDBOX_PUBLIC_URL: sandboxUrl,
    CROWDTWIST_BASE_URL: source.CROWDTWIST_BASE_URL ?? sandboxUrl,
    CROWDTWIST_API_KEY: source.CROWDTWIST_API_KEY ?? secret(),
    ALIDA_BASE_URL: source.ALIDA_BASE_URL ?? sandboxUrl,
    ALIDA_TOKEN_URL: source.ALIDA_TOKEN_URL ?? `${sandboxUrl}/oauth/token`,
    ALIDA_CLIENT_SECRET: source.ALIDA_CLIENT_SECRET ?? secret(),
    OIDC_ISSUER: source.OIDC_ISSUER ?? `${sandboxUrl}/oidc`,
    OIDC_CLIENT_SECRET: source.OIDC_CLIENT_SECRET ?? secret(),
    ...(useBasic ? {} : { LIVE_PUSH_API_KEY: source.LIVE_PUSH_API_KEY ?? secret() }),
  };
}

function prefixLines(stream, label, out) {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) out.write(`${label} ${line}\n`);
  });
}

async function waitFor(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export async function serveSystem(source = process.env) {
  const env = systemEnv(source);
  const children = [];
  const start = (label, script) => {
    const child = spawn(process.execPath, [join(root, script)], { env, stdio: ["ignore", "pipe", "pipe"] });
    prefixLines(child.stdout, label, process.stdout);
    prefixLines(child.stderr, label, process.stderr);
    children.push(child);
    return child;
  };
  const stopAll = (code) => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    process.exitCode = code;
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));

  const withSandbox = env.SANDBOX !== "off";
  const sandbox = withSandbox ? start("[sandbox]", "apps/sandbox/src/main.ts") : null;
  const bff = start("[portal] ", "apps/bff/src/main.ts");
  for (const child of children) {
    child.on("exit", (code) => {
      if (children.some((other) => other.exitCode === null)) stopAll(code ?? 1);
    });
  }

  try {
    if (sandbox) await waitFor(`http://127.0.0.1:${env.SANDBOX_PORT}/health`, sandbox);
    await waitFor(`http://127.0.0.1:${env.PORT}/api/health`, bff);
  } catch (error) {
    process.stderr.write(`Could not start: ${error.message}\n`);
    stopAll(1);
    return;
  }
  process.stdout.write(
    [
      "",
      "  Loyalty portal is running.",
      `  Portal:   ${env.PUBLIC_URL}`,
      withSandbox
        ? `  Sandbox:  ${env.SANDBOX_PUBLIC_URL} (stands in for CrowdTwist, Alida and sign-in)`
        : "",
      withSandbox ? '  Demo sign-ins, all with the password "demo":' : "",
      withSandbox
        ? "    ava (Bronze, lowest tier), ben (Silver), cleo (Gold, top tier), morgan (program manager)"
        : "",
      "  Press Ctrl+C to stop.",
      "",
    ]
      .filter((line, index, lines) => line !== "" || index === 0 || index === lines.length - 1)
      .join("\n"),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serveSystem();
