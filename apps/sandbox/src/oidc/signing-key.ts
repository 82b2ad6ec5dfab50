import { generateKeyPair, randomUUID } from "node:crypto";
import { promisify } from "node:util";

const generateRsaKeyPair = promisify(generateKeyPair);

/**
 * A fresh RS256 private JWK per start. Tokens signed before a restart stop verifying, which is
 * what we want from a sandbox: nothing about its identity outlives the process.
 */
export async function generateSigningJwk(): Promise<Record<string, unknown>> {
  const { privateKey } = await generateRsaKeyPair("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" };
}
