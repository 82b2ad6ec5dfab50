import { describe, expect, it } from "vitest";
import { dateWindowStatus } from "./date-window.ts";

const now = new Date("2026-03-10T12:00:00Z");
const at = (iso: string) => new Date(iso);

describe("dateWindowStatus", () => {
  it.each([
    ["no dates at all", null, null, { state: "open", daysLeft: null }],
    ["started, no end", "2026-01-01T00:00:00Z", null, { state: "open", daysLeft: null }],
    ["starts tomorrow", "2026-03-11T12:00:00Z", null, { state: "upcoming", daysLeft: 1 }],
    [
      "starts in 36 hours rounds up to 2 days",
      "2026-03-12T00:00:00Z",
      null,
      { state: "upcoming", daysLeft: 2 },
    ],
    [
      "starts exactly now is open",
      "2026-03-10T12:00:00Z",
      "2026-04-30T00:00:00Z",
      { state: "open", daysLeft: 51 },
    ],
    ["ends in 8 days", null, "2026-03-18T12:00:00Z", { state: "open", daysLeft: 8 }],
    ["ends in exactly 7 days", null, "2026-03-17T12:00:00Z", { state: "ending_soon", daysLeft: 7 }],
    ["ends in an hour", null, "2026-03-10T13:00:00Z", { state: "ending_soon", daysLeft: 1 }],
    ["ended exactly now", null, "2026-03-10T12:00:00Z", { state: "expired", daysLeft: null }],
    ["ended last week", "2026-01-01T00:00:00Z", "2026-03-03T00:00:00Z", { state: "expired", daysLeft: null }],
  ] as const)("%s", (_name, start, end, expected) => {
    expect(dateWindowStatus({ start: start ? at(start) : null, end: end ? at(end) : null }, now)).toEqual(
      expected,
    );
  });

  it("takes the ending-soon threshold as a setting", () => {
    const window = { start: null, end: at("2026-03-13T12:00:00Z") };
    expect(dateWindowStatus(window, now, 2).state).toBe("open");
    expect(dateWindowStatus(window, now, 3).state).toBe("ending_soon");
  });
});
