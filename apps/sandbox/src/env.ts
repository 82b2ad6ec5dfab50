import { randomBytes } from "node:crypto";
import { z } from "zod";

// The sandbox's configuration. Every secret has a generated default so that it runs with no
// configuration at all; `npm start` passes the same values to the BFF.

const secret = () => randomBytes(24).toString("base64url");
const port = z.coerce.number().int().min(0).max(65_535);

const envSchema = z
  .object({
    NODE_ENV: z.string().default("development"),
    SANDBOX_PORT: port.default(4010),
    SANDBOX_HOST: z.string().default("127.0.0.1"),
    SANDBOX_PUBLIC_URL: z.url().optional(),
    PORTAL_URL: z.url().default("http://localhost:3000"),
    CROWDTWIST_API_KEY: z.string().min(8).default(secret),
    ALIDA_COMMUNITY: z.string().min(1).default("demo-community"),
    ALIDA_CLIENT_ID: z.string().min(1).default("portal-bff"),
    ALIDA_CLIENT_SECRET: z.string().min(8).default(secret),
    ALIDA_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).default(3600),
    OIDC_CLIENT_ID: z.string().min(1).default("portal"),
    OIDC_CLIENT_SECRET: z.string().min(8).default(secret),
    LIVE_PUSH_URL: z.url().optional(),
    // The other Data Push feeds' endpoints; each defaults to its sibling of LIVE_PUSH_URL
    // (…/user-profile → …/user-activity, …/user-redemption, …/points-expiration, …/user-segmentation).
    LIVE_PUSH_USER_ACTIVITY_URL: z.url().optional(),
    LIVE_PUSH_USER_REDEMPTION_URL: z.url().optional(),
    LIVE_PUSH_POINTS_EXPIRATION_URL: z.url().optional(),
    LIVE_PUSH_USER_SEGMENTATION_URL: z.url().optional(),
    LIVE_PUSH_API_KEY: z.string().min(8).optional(),
    LIVE_PUSH_BASIC_USER: z.string().min(1).optional(),
    LIVE_PUSH_BASIC_PASSWORD: z.string().min(8).optional(),
  })
  .refine((env) => env.NODE_ENV !== "production", {
    path: ["NODE_ENV"],
    message:
      "the sandbox stands in for CrowdTwist, Alida and the sign-in provider and never runs in production",
  });

export type SandboxEnv = ReturnType<typeof parseSandboxEnv>;

export function parseSandboxEnv(source: Record<string, string | undefined> = process.env) {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Sandbox configuration is invalid:\n${problems.join("\n")}`);
  }
  const env = result.data;
  const publicUrl = (env.SANDBOX_PUBLIC_URL ?? `http://localhost:${env.SANDBOX_PORT}`).replace(/\/$/, "");
  const portalUrl = env.PORTAL_URL.replace(/\/$/, "");
  const livePushAuth =
    env.LIVE_PUSH_BASIC_USER && env.LIVE_PUSH_BASIC_PASSWORD
      ? { kind: "basic" as const, user: env.LIVE_PUSH_BASIC_USER, password: env.LIVE_PUSH_BASIC_PASSWORD }
      : { kind: "api-key" as const, apiKey: env.LIVE_PUSH_API_KEY ?? secret() };
  const livePushUrl = env.LIVE_PUSH_URL ?? `${portalUrl}/webhooks/crowdtwist/user-profile`;
  const sibling = (name: string) => new URL(name, livePushUrl).toString();
  return {
    ...env,
    publicUrl,
    portalUrl,
    livePushUrl,
    livePushFeedUrls: {
      user_activity: env.LIVE_PUSH_USER_ACTIVITY_URL ?? sibling("user-activity"),
      user_redemption: env.LIVE_PUSH_USER_REDEMPTION_URL ?? sibling("user-redemption"),
      points_expiration: env.LIVE_PUSH_POINTS_EXPIRATION_URL ?? sibling("points-expiration"),
      user_segmentation: env.LIVE_PUSH_USER_SEGMENTATION_URL ?? sibling("user-segmentation"),
    },
    livePushAuth,
  };
}
