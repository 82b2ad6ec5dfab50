import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../testing/databases.ts";
import { isDataRefusal } from "./storage-failure.ts";

// Which failed writes are the data's fault (422, never resend) and which the database's (503,
// resend later) — told apart on the errors the real drivers raise, on both stores.

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the statement to fail");
}

describe("storage failures", () => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await openTestDatabase();
    await store.db.exec("create table keyed (key text primary key)");
  });
  afterAll(() => store?.close());

  it.each([
    ["NUL in jsonb", "select $1::jsonb", ['"a\\u0000b"']],
    ["an unpaired surrogate in jsonb", "select $1::jsonb", ['"\\ud800"']],
    ["a timestamp out of range", "select $1::timestamptz", ["300000-01-01T00:00:00Z"]],
    ["a number that is text", "select $1::bigint", ["lots"]],
    // Random text does not compress, so this key is too large for its btree index.
    ["a key too large for its index", "insert into keyed values ($1)", [randomText(9000)]],
  ])("refuses %s as the data's fault", async (_name, sql, params) => {
    expect(isDataRefusal(await failure(() => store.db.query(sql, params)))).toBe(true);
  });

  it.each([
    ["a missing table (a broken deployment)", "select * from no_such_table"],
    ["a syntax error (a bug of ours)", "select from where"],
  ])("does not blame the data for %s", async (_name, sql) => {
    expect(isDataRefusal(await failure(() => store.db.query(sql)))).toBe(false);
  });
});

describe("storage failures without a database", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })],
    ["an administrator shutdown", Object.assign(new Error("terminating connection"), { code: "57P01" })],
    ["too many connections", Object.assign(new Error("too many clients"), { code: "53300" })],
    ["no code at all", new Error("socket hang up")],
    ["not an error", "boom"],
  ])("treats %s as an outage", (_name, error) => {
    expect(isDataRefusal(error)).toBe(false);
  });
});

function randomText(length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from({ length }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
}
