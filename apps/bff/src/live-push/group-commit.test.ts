import { describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit.ts";

// The group commit's own rules, with a scripted writer that records every write it is handed and
// holds each until the test lets it go. What it does on a real database is in group-commit-store.test.ts.

interface Item {
  key: string;
  label: string;
}

function scriptedWriter(fail: (items: readonly Item[]) => Error | null = () => null) {
  const writes: string[][] = [];
  const held: (() => void)[] = [];
  return {
    writes,
    /** Lets every held write finish. */
    release() {
      for (const go of held.splice(0)) go();
    },
    async write(items: readonly Item[]): Promise<string[]> {
      writes.push(items.map((item) => item.label));
      await new Promise<void>((go) => held.push(go));
      const error = fail(items);
      if (error) throw error;
      return items.map((item) => `ok ${item.label}`);
    },
  };
}

const item = (key: string, label = key): Item => ({ key, label });
/** Lets pending immediates, microtasks and promise chains run. */
const settle = () => new Promise((done) => setTimeout(done, 5));

describe("group commit", () => {
  it("writes what arrives in one turn in one write, and what arrives during it in the next", async () => {
    const writer = scriptedWriter();
    const commit = createGroupCommit<Item, string>({ keyOf: (i) => i.key, write: writer.write });
    const first = ["a", "b", "c"].map((key) => commit.submit(item(key)));
    await settle();
    const second = ["d", "e"].map((key) => commit.submit(item(key)));
    await settle();
    // One write in flight at a time: d and e wait for it.
    expect(writer.writes).toEqual([["a", "b", "c"]]);
    writer.release();
    expect(await Promise.all(first)).toEqual(["ok a", "ok b", "ok c"]);
    await settle();
    expect(writer.writes).toEqual([
      ["a", "b", "c"],
      ["d", "e"],
    ]);
    writer.release();
    expect(await Promise.all(second)).toEqual(["ok d", "ok e"]);
  });

  it("never puts one key twice in a write, and writes each key's items in the order they came", async () => {
    const writer = scriptedWriter();
    const commit = createGroupCommit<Item, string>({ keyOf: (i) => i.key, write: writer.write });
    const answers = [item("m", "m1"), item("n", "n1"), item("m", "m2"), item("o", "o1"), item("m", "m3")].map(
      (i) => commit.submit(i),
    );
    for (let round = 0; round < 4; round += 1) {
      await settle();
      writer.release();
    }
    expect(writer.writes).toEqual([["m1", "n1", "o1"], ["m2"], ["m3"]]);
    expect(await Promise.all(answers)).toEqual(["ok m1", "ok n1", "ok m2", "ok o1", "ok m3"]);
  });

  it("keeps a key's later item out of a parallel write while its earlier one is in flight", async () => {
    const writer = scriptedWriter();
    const commit = createGroupCommit<Item, string>({
      keyOf: (i) => i.key,
      write: writer.write,
      maxInFlight: 2,
    });
    const answers = [commit.submit(item("m", "m1"))];
    await settle();
    answers.push(commit.submit(item("m", "m2")), commit.submit(item("n", "n1")));
    await settle();
    expect(writer.writes).toEqual([["m1"], ["n1"]]);
    writer.release();
    await settle();
    expect(writer.writes).toEqual([["m1"], ["n1"], ["m2"]]);
    writer.release();
    expect(await Promise.all(answers)).toEqual(["ok m1", "ok m2", "ok n1"]);
  });

  it("caps a write at maxBatch items", async () => {
    const writer = scriptedWriter();
    const commit = createGroupCommit<Item, string>({ keyOf: (i) => i.key, write: writer.write, maxBatch: 2 });
    const answers = ["a", "b", "c", "d", "e"].map((key) => commit.submit(item(key)));
    for (let round = 0; round < 3; round += 1) {
      await settle();
      writer.release();
    }
    expect(writer.writes).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(await Promise.all(answers)).toHaveLength(5);
  });

  it("answers each item of a failed write alone: its own result, or its own error", async () => {
    const bad = new Error("refused b");
    // Any write holding b fails; the others succeed.
    const writer = scriptedWriter((items) => (items.some((i) => i.key === "b") ? bad : null));
    const commit = createGroupCommit<Item, string>({ keyOf: (i) => i.key, write: writer.write });
    const answers = ["a", "b", "c"].map((key) => commit.submit(item(key)).catch((error: unknown) => error));
    await settle();
    writer.release();
    await settle();
    writer.release();
    expect(await Promise.all(answers)).toEqual(["ok a", bad, "ok c"]);
    expect(writer.writes).toEqual([["a", "b", "c"], ["a"], ["b"], ["c"]]);
  });

  it("rejects every item when the whole store is down, and writes again once it is back", async () => {
    let down = true;
    const writer = scriptedWriter(() => (down ? new Error("connection refused") : null));
    const commit = createGroupCommit<Item, string>({ keyOf: (i) => i.key, write: writer.write });
    const failed = ["a", "b"].map((key) =>
      commit.submit(item(key)).then(
        () => "acknowledged",
        () => "refused",
      ),
    );
    await settle();
    writer.release();
    await settle();
    writer.release();
    expect(await Promise.all(failed)).toEqual(["refused", "refused"]);
    down = false;
    const again = commit.submit(item("a"));
    await settle();
    writer.release();
    expect(await again).toBe("ok a");
  });

  it("rejects a write that answers for the wrong number of items rather than guess", async () => {
    const commit = createGroupCommit<Item, string>({
      keyOf: (i) => i.key,
      write: async () => ["only one"],
    });
    const answers = ["a", "b"].map((key) =>
      commit.submit(item(key)).catch((error: unknown) => String(error)),
    );
    expect(await Promise.all(answers)).toEqual([
      expect.stringMatching(/1 outcomes for 2 items/),
      expect.stringMatching(/1 outcomes for 2 items/),
    ]);
  });
});
