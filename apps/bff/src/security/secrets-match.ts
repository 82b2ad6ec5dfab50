import { createHash, timingSafeEqual } from "node:crypto";

// Compares a presented secret with the configured one in constant time over SHA-256 digests, so
// neither the content nor the length of the secret leaks through response timing.

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

export function secretsMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
