// The ports and secrets of the system the end-to-end tests start. Ports differ from `npm start`'s
// so that the tests can run beside a portal someone is using.
export const PORTAL_PORT = Number(process.env.E2E_PORT ?? 3100);
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const PORTAL_URL = `http://localhost:${PORTAL_PORT}`;
export const SANDBOX_URL = `http://localhost:${SANDBOX_PORT}`;
export const CROWDTWIST_API_KEY = "e2e-crowdtwist-key-0123456789";

export const systemEnv: Record<string, string> = {
  PORT: String(PORTAL_PORT),
  SANDBOX_PORT: String(SANDBOX_PORT),
  CROWDTWIST_API_KEY,
  NODE_ENV: "test",
};
