import { createHash } from "node:crypto";

/*
 * Bodies by content: members whose lists are the same (same tier, same progress) hold one copy of the
 * bytes, however many members' cache entries point at it, and each body's digest is computed once
 * (it is also the ETag). A body no entry holds any more is collected as usual: the table only keeps
 * weak references.
 */

const digests = new WeakMap<Uint8Array, string>();
const byDigest = new Map<string, WeakRef<Uint8Array>>();
const forget = new FinalizationRegistry<string>((digest) => {
  if (byDigest.get(digest)?.deref() === undefined) byDigest.delete(digest);
});

/** The bytes' SHA-256 (base64url, 22 characters), computed once per body. */
export function digestOf(bytes: Uint8Array): string {
  let digest = digests.get(bytes);
  if (digest === undefined) {
    digest = createHash("sha256").update(bytes).digest("base64url").slice(0, 22);
    digests.set(bytes, digest);
  }
  return digest;
}

/** The one stored copy of these bytes: an equal body already held, or these. */
export function shareBytes<B extends Uint8Array>(bytes: B): B {
  const digest = digestOf(bytes);
  const held = byDigest.get(digest)?.deref();
  if (held === bytes) return bytes;
  if (held && held.byteLength === bytes.byteLength && Buffer.compare(held, bytes) === 0) return held as B;
  byDigest.set(digest, new WeakRef(bytes));
  forget.register(bytes, digest);
  return bytes;
}
