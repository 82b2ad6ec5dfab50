import { describe, expect, it } from "vitest";
import { type AlidaSide, alidaConsistency, type CrowdTwistSide } from "./alida-consistency.ts";

const now = new Date("2026-06-15T12:00:00Z");
const d = (iso: string) => new Date(iso);
const live: CrowdTwistSide = {
  activityId: "111",
  start: d("2026-06-01T00:00:00Z"),
  end: d("2026-07-01T00:00:00Z"),
};
const openSurvey: AlidaSide = {
  status: "open",
  isReady: true,
  hideFromMember: false,
  openedOn: d("2026-06-05T00:00:00Z"),
  closedOn: d("2026-07-05T00:00:00Z"),
  alternateId: "111",
};

describe("alidaConsistency", () => {
  it.each([
    ["an open, ready, visible survey in the same window", live, openSurvey, []],
    [
      "closed in Alida while live in CrowdTwist",
      live,
      { ...openSurvey, status: "closed" as const },
      ["alida_closed"],
    ],
    ["not ready in Alida", live, { ...openSurvey, isReady: false }, ["alida_not_ready"]],
    ["hidden from members in Alida", live, { ...openSurvey, hideFromMember: true }, ["alida_hidden"]],
    [
      "closed, not ready and hidden at once",
      live,
      { ...openSurvey, status: "closed" as const, isReady: false, hideFromMember: true },
      ["alida_closed", "alida_not_ready", "alida_hidden"],
    ],
    [
      "Alida closed before CrowdTwist opened",
      live,
      { ...openSurvey, openedOn: d("2026-04-01T00:00:00Z"), closedOn: d("2026-05-01T00:00:00Z") },
      ["windows_do_not_overlap"],
    ],
    [
      "windows that only touch do not overlap",
      live,
      { ...openSurvey, openedOn: d("2026-07-01T00:00:00Z"), closedOn: null },
      ["windows_do_not_overlap"],
    ],
    [
      "open-ended windows overlap",
      { ...live, start: null, end: null },
      { ...openSurvey, openedOn: null, closedOn: null },
      [],
    ],
    [
      "an alternate id naming another activity",
      live,
      { ...openSurvey, alternateId: "999" },
      ["alternate_id_mismatch"],
    ],
    ["no alternate id is not a disagreement", live, { ...openSurvey, alternateId: null }, []],
    [
      "a closed survey behind an expired activity is not a live problem",
      { ...live, start: d("2026-01-01T00:00:00Z"), end: d("2026-02-01T00:00:00Z") },
      {
        ...openSurvey,
        status: "closed" as const,
        openedOn: d("2026-01-01T00:00:00Z"),
        closedOn: d("2026-02-01T00:00:00Z"),
      },
      [],
    ],
  ] as const)("%s", (_name, crowdtwist, alida, expected) => {
    expect(alidaConsistency(crowdtwist, alida, now).map((w) => w.kind)).toEqual(expected);
  });
});
