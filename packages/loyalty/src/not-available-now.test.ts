import { describe, expect, it } from "vitest";
import { notAvailableNow } from "./not-available-now.ts";

const now = new Date("2026-06-15T12:00:00Z");
const d = (iso: string) => new Date(iso);

describe("notAvailableNow", () => {
  it.each([
    ["open, no community", { start: d("2026-06-01T00:00:00Z"), end: null }, null, []],
    ["open-ended both ways", { start: null, end: null }, [], []],
    ["open, with an end ahead", { start: null, end: d("2026-06-16T00:00:00Z") }, null, []],
    [
      "open, with a start behind and an end ahead",
      { start: d("2026-06-01T00:00:00Z"), end: d("2026-07-01T00:00:00Z") },
      [],
      [],
    ],
    [
      // Activity 118 in the demo program: it has ended, so no tier sees it as available.
      "ended",
      { start: d("2026-05-01T00:00:00Z"), end: d("2026-06-01T00:00:00Z") },
      null,
      [{ kind: "ended", endedAt: d("2026-06-01T00:00:00Z") }],
    ],
    ["ends exactly now", { start: null, end: now }, null, [{ kind: "ended", endedAt: now }]],
    [
      "not started",
      { start: d("2026-07-01T00:00:00Z"), end: null },
      null,
      [{ kind: "not_started", startsAt: d("2026-07-01T00:00:00Z") }],
    ],
    [
      // Activity 112: a live CrowdTwist activity whose forum is closed and hidden from members.
      "a closed, hidden forum",
      { start: null, end: null },
      ["closed", "hidden"] as const,
      [
        { kind: "community", block: "closed" },
        { kind: "community", block: "hidden" },
      ],
    ],
  ] as const)("%s", (_name, window, community, expected) => {
    expect(notAvailableNow({ window, community, now })).toEqual(expected);
  });
});
