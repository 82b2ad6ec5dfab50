import { describe, expect, it } from "vitest";
import {
  type AlidaSide,
  alidaConsistency,
  alidaWindow,
  type CrowdTwistSide,
  communityBlocks,
} from "./alida-consistency.ts";

const now = new Date("2026-06-15T12:00:00Z");
const d = (iso: string) => new Date(iso);
const live: CrowdTwistSide = {
  start: d("2026-06-01T00:00:00Z"),
  end: d("2026-07-01T00:00:00Z"),
};
const openSurvey: AlidaSide = {
  status: "open",
  isReady: true,
  hideFromMember: false,
  openedOn: d("2026-06-05T00:00:00Z"),
  closedOn: d("2026-07-05T00:00:00Z"),
  alternateId: "6f1c0e2a-93d4-4a57-9a8e-1c2b3d4e5f60",
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
      {
        ...openSurvey,
        status: "closed" as const,
        openedOn: d("2026-04-01T00:00:00Z"),
        closedOn: d("2026-05-01T00:00:00Z"),
      },
      ["alida_closed", "windows_do_not_overlap"],
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
      // "The ID for an activity in an external system": a GUID, never one of CrowdTwist's ids.
      "an alternate id is never compared with CrowdTwist's id",
      live,
      { ...openSurvey, alternateId: "999" },
      [],
    ],
    ["no alternate id", live, { ...openSurvey, alternateId: null }, []],
    [
      // The document: "An activity may be re-opened after it has been closed." closedOn stays behind.
      "re-opened after it closed: open, and its past closedOn ends nothing",
      live,
      { ...openSurvey, openedOn: d("2026-03-01T00:00:00Z"), closedOn: d("2026-04-01T00:00:00Z") },
      [],
    ],
    [
      "closed with a closedOn still ahead: closed is Alida's word about now",
      live,
      { ...openSurvey, status: "closed" as const, closedOn: d("2026-09-01T00:00:00Z") },
      ["alida_closed"],
    ],
    [
      "open with a closedOn ahead that falls before CrowdTwist opens",
      { ...live, start: d("2026-08-01T00:00:00Z"), end: null },
      { ...openSurvey, closedOn: d("2026-07-15T00:00:00Z") },
      ["windows_do_not_overlap"],
    ],
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
    // Alida's blocks matter only while the CrowdTwist activity is live: from its start, before its end.
    ...(
      [
        ["a closed survey behind an activity that has not started", d("2026-06-20T00:00:00Z"), null, []],
        ["a closed survey behind an activity that starts now", now, null, ["alida_closed"]],
        ["a closed survey behind an activity that ends now", null, now, []],
        [
          "a closed survey behind an activity with no start",
          null,
          d("2026-06-20T00:00:00Z"),
          ["alida_closed"],
        ],
      ] as const
    ).map(
      ([name, start, end, expected]) =>
        [
          name,
          { start, end },
          { ...openSurvey, status: "closed" as const, closedOn: d("2026-09-01T00:00:00Z") },
          expected,
        ] as const,
    ),
  ] as const)("%s", (_name, crowdtwist, alida, expected) => {
    expect(alidaConsistency(crowdtwist, alida, now).map((w) => w.kind)).toEqual(expected);
  });
});

describe("communityBlocks", () => {
  it.each([
    ["open, ready and visible", { status: "open", isReady: true, hideFromMember: false }, []],
    ["closed", { status: "closed", isReady: true, hideFromMember: false }, ["closed"]],
    ["hidden from members", { status: "open", isReady: true, hideFromMember: true }, ["hidden"]],
    ["not ready", { status: "open", isReady: false, hideFromMember: false }, ["not_ready"]],
    // Unknown is not a block: Alida did not say, so the member is not told something false.
    ["nothing said", { status: null, isReady: null, hideFromMember: null }, []],
    [
      "closed and hidden (the seed's fan forum)",
      { status: "closed", isReady: true, hideFromMember: true },
      ["closed", "hidden"],
    ],
  ] as const)("%s", (_name, alida, expected) => {
    expect(communityBlocks(alida)).toEqual(expected);
  });
});

describe("alidaWindow", () => {
  it("keeps a closedOn that lies ahead and drops one behind an open (re-opened) activity", () => {
    expect(alidaWindow(openSurvey, now).end).toEqual(openSurvey.closedOn);
    const reopened = { ...openSurvey, closedOn: d("2026-06-10T00:00:00Z") };
    expect(alidaWindow(reopened, now)).toEqual({ start: openSurvey.openedOn, end: null });
    expect(alidaWindow({ ...reopened, status: "closed" }, now).end).toEqual(reopened.closedOn);
    // Open at the very instant it was to close: re-opened, too.
    expect(alidaWindow({ ...openSurvey, closedOn: now }, now).end).toBeNull();
  });
});
