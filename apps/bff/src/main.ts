import { serve } from "@hono/node-server";
import { parseEnv } from "./env.ts";
import { createServerApp } from "./server.ts";

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const server = serve({ fetch: createServerApp(env).fetch, port: env.PORT, hostname: env.HOST }, () => {
  console.log(`portal listening on ${env.publicUrl}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
