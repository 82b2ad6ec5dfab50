import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createDeadline } from "./deadline.ts";

describe("createDeadline", () => {
  it("ends by time with a TimeoutError", async () => {
    const deadline = createDeadline(20);
    expect(deadline.endedBy()).toBeNull();
    await new Promise((resolve) => deadline.signal.addEventListener("abort", resolve));
    expect(deadline.endedBy()).toBe("time");
    expect(deadline.signal.reason).toMatchObject({ name: "TimeoutError" });
  });

  it("ends by time with the reason it is given", async () => {
    const reason = new Error("over budget");
    const deadline = createDeadline(10, undefined, () => reason);
    await new Promise((resolve) => deadline.signal.addEventListener("abort", resolve));
    expect([deadline.endedBy(), deadline.signal.reason]).toEqual(["time", reason]);
  });

  it("ends by the caller with the caller's own reason, already aborted or later", () => {
    const reason = new Error("gone");
    const early = createDeadline(60_000, AbortSignal.abort(reason));
    expect([early.endedBy(), early.signal.reason]).toEqual(["caller", reason]);
    early.clear();

    const caller = new AbortController();
    const late = createDeadline(60_000, caller.signal);
    caller.abort(reason);
    expect([late.endedBy(), late.signal.reason]).toEqual(["caller", reason]);
    late.clear();
  });

  it("keeps what ended it first", async () => {
    const caller = new AbortController();
    const deadline = createDeadline(10, caller.signal);
    await new Promise((resolve) => deadline.signal.addEventListener("abort", resolve));
    caller.abort(new Error("too late"));
    expect(deadline.endedBy()).toBe("time");
    expect(deadline.signal.reason).toMatchObject({ name: "TimeoutError" });
  });

  it("once cleared, neither the time nor the caller ends it", async () => {
    const caller = new AbortController();
    const deadline = createDeadline(10, caller.signal);
    deadline.clear();
    await sleep(50);
    caller.abort();
    expect([deadline.endedBy(), deadline.signal.aborted]).toEqual([null, false]);
  });
});
