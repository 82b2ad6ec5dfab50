import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

// The README's first command, run as a newcomer would: it must print where to go and the demo
// sign-ins, and the portal it starts must answer its health check.
test("`npm start` runs the portal and prints the URL and the demo sign-ins", async () => {
  test.setTimeout(120_000);
  const child = spawn("npm", ["start"], {
    cwd: root,
    detached: true,
    env: { ...process.env, PORT: "3200", SANDBOX_PORT: "4210" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  try {
    await expect.poll(() => output, { timeout: 100_000 }).toContain("Loyalty portal is running.");
    expect(output).toContain("http://localhost:3200");
    expect(output).toMatch(/ava .*ben .*cleo .*morgan/s);
    expect(output).toContain('password "demo"');
    const health = await fetch("http://localhost:3200/api/health");
    expect(health.status).toBe(200);
    const sandbox = await fetch("http://localhost:4210/health");
    expect(sandbox.status).toBe(200);
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  }
});
