import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createAssetMemo, memoKey } from "./web-assets-memo.ts";

// The memo on its own: what it keeps and replays, and the bounds that hold whatever is asked
// (web-assets.test.ts has it behind the library, over HTTP).

const dir = mkdtempSync(join(tmpdir(), "portal-asset-memo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};
const answer = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(status === 200 ? body : null, {
    status,
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "content-length": String(body.length),
      ...headers,
    },
  });

describe("asset memo", () => {
  it.each([
    ["GET", undefined, "br", "/assets/a.js\nbr"],
    ["GET", undefined, undefined, "/assets/a.js\n"],
    ["GET", "bytes=0-9", "br", null],
    ["HEAD", undefined, "br", null],
    ["GET", undefined, "x".repeat(201), null],
  ])("keys %s with Range %s and Accept-Encoding %s as %j", (method, range, accept, key) => {
    expect(memoKey("/assets/a.js", method, range, accept)).toBe(key);
  });

  it("replays the headers that describe the body, and the file's bytes", () => {
    const memo = createAssetMemo();
    const path = file("a.js.br", "brotli bytes");
    memo.remember(
      "k",
      path,
      answer(200, "brotli bytes", { "content-encoding": "br", "last-modified": "x", etag: "e" }),
    );
    const kept = memo.get("k");
    expect(kept?.headers).toEqual([
      ["content-type", "text/javascript; charset=utf-8"],
      ["content-encoding", "br"],
      ["last-modified", "x"],
    ]);
    expect(Buffer.from(kept?.bytes ?? []).toString()).toBe("brotli bytes");
  });

  it.each([206, 304, 404, 416])("keeps no %i", (status) => {
    const memo = createAssetMemo();
    memo.remember("k", file("b.js", "body"), answer(status, "body"));
    expect(memo.get("k")).toBeUndefined();
  });

  it("keeps no file larger than its bound, and nothing for a file that is gone", () => {
    const memo = createAssetMemo({ maxFileBytes: 4 });
    memo.remember("large", file("c.js", "12345"), answer(200, "12345"));
    expect(memo.get("large")).toBeUndefined();
    memo.remember("gone", join(dir, "missing.js"), answer(200, "1"));
    expect(memo.get("gone")).toBeUndefined();
  });

  it("holds at most maxAnswers, dropping the oldest, and one copy of each file", () => {
    const memo = createAssetMemo({ maxAnswers: 2 });
    const path = file("d.js", "body");
    for (const key of ["first", "second", "third"]) memo.remember(key, path, answer(200, "body"));
    expect(memo.get("first")).toBeUndefined();
    expect(memo.get("second")?.bytes).toBe(memo.get("third")?.bytes);
  });
});
