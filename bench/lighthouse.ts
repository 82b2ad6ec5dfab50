import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, formAction } from "@portal/sandbox/testing/agent";

// `node bench/lighthouse.ts`: Lighthouse (mobile, Debian's Chromium) on the signed-in member home, as a
// benchmark, not a test. Starts the whole system on its own ports with a fresh database, signs ava in
// through the real sign-in page, and hands Lighthouse the session cookie.

const root = join(import.meta.dirname, "..");
const PORT = 3600;
const SANDBOX_PORT = 4600;
const portal = `http://localhost:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), "portal-lighthouse-"));
// As root the embedded database runs as `postgres`, who must be able to enter the folder.
chmodSync(dataDir, 0o755);

const system = spawn(process.execPath, [join(root, "scripts", "serve.mjs")], {
  env: {
    ...process.env,
    PORT: String(PORT),
    SANDBOX_PORT: String(SANDBOX_PORT),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
try {
  await new Promise<void>((resolve, reject) => {
    system.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Loyalty portal is running.")) resolve();
    });
    system.on("exit", () => reject(new Error("the system stopped before it was ready")));
  });

  const agent = new Agent(portal);
  const loginPage = await agent.follow(await agent.get("/api/auth/login"));
  const action = formAction(loginPage.text);
  if (!action) throw new Error("no sign-in form");
  const submitted = await agent.postForm(new URL(action, loginPage.url), {
    username: "ava",
    password: "demo",
  });
  await agent.follow(submitted, (next) => next.origin === portal && !next.pathname.startsWith("/api/"));
  const session = agent.cookie("__Host-portal.sid");
  if (!session) throw new Error("sign-in did not give a session");
  // Let the sandbox's start-up Live Push reach the portal so the tier card is complete.
  await new Promise((resolve) => setTimeout(resolve, 2_000));

  // LIGHTHOUSE_KEEP=<folder>: keep the report, the trace and the DevTools log there for diagnosis.
  const keep = process.env.LIGHTHOUSE_KEEP;
  if (keep) mkdirSync(keep, { recursive: true });
  const report = join(keep ?? dataDir, "report.json");
  // LIGHTHOUSE_LOCALE=fr: the member home in French (the remembered choice and the browser's language).
  const french = process.env.LIGHTHOUSE_LOCALE === "fr";
  const run = spawnSync(
    join(root, "node_modules", ".bin", "lighthouse"),
    [
      `${portal}/`,
      "--quiet",
      "--output=json",
      `--output-path=${report}`,
      "--only-categories=performance,accessibility,best-practices",
      ...(keep ? ["--save-assets"] : []),
      `--extra-headers=${JSON.stringify({ Cookie: `__Host-portal.sid=${session}${french ? "; __Host-portal.locale=fr" : ""}` })}`,
      `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking${french ? " --lang=fr-FR" : ""}`,
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
      stdio: "inherit",
    },
  );
  if (run.status !== 0) throw new Error(`lighthouse exited ${run.status}`);
  const result = JSON.parse(readFileSync(report, "utf8")) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number; displayValue?: string }>;
  };
  const score = (name: string) => Math.round((result.categories[name]?.score ?? 0) * 100);
  const cls = result.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN;
  const lines = [
    `Lighthouse, mobile, member home (ava) — ${new Date().toISOString()}`,
    `performance ${score("performance")} (budget ≥ 95)   accessibility ${score("accessibility")} (budget 100)   best practices ${score("best-practices")}`,
    `CLS ${cls.toFixed(3)} (budget < 0.05)   LCP ${result.audits["largest-contentful-paint"]?.displayValue}   TBT ${result.audits["total-blocking-time"]?.displayValue}   FCP ${result.audits["first-contentful-paint"]?.displayValue}`,
  ];
  console.log(lines.join("\n"));
} finally {
  system.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
