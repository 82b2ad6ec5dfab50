import { serve } from "@hono/node-server";
import { createBff } from "./bff.ts";
import { parseEnv } from "./env.ts";

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const bff = await createBff(env);
const server = serve({ fetch: bff.app.fetch, port: env.PORT, hostname: env.HOST }, () => {
  bff.logger.info({ url: env.publicUrl }, "portal listening");
  console.log(`portal listening on ${env.publicUrl}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    bff.startDraining();
    server.close();
    void bff.close().finally(() => process.exit(0));
  });
}
