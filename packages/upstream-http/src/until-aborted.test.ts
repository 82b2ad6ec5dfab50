import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { untilAborted } from "./until-aborted.ts";

describe("untilAborted", () => {
  it("settles as the work does while the signal holds", async () => {
    const signal = new AbortController().signal;
    await expect(untilAborted(Promise.resolve("done"), signal)).resolves.toBe("done");
    const failure = new Error("refused");
    await expect(untilAborted(Promise.reject(failure), signal)).rejects.toBe(failure);
  });

  it("rejects with the signal's reason when it aborts first, and at once when it already has", async () => {
    const reason = new Error("gone");
    const never = new Promise<never>(() => {});
    const controller = new AbortController();
    const waiting = untilAborted(never, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    await expect(untilAborted(Promise.resolve("late"), AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it("leaves no listener on a signal that outlives the wait (a member's request, many waits long)", async () => {
    const signal = new AbortController().signal;
    await untilAborted(Promise.resolve(1), signal);
    await untilAborted(Promise.reject(new Error("no")), signal).catch(() => {});
    expect(getEventListeners(signal, "abort")).toEqual([]);
  });
});
