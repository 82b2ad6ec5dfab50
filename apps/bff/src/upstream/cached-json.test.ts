import type { UserActivity } from "@portal/crowdtwist/user-activity";
import { describe, expect, it } from "vitest";
import { parseCachedActivities, parseCachedActivity } from "./cached-json.ts";

const activity: UserActivity = {
  id: "112",
  title: "Take the survey",
  description: "",
  numPoints: 50,
  image: "",
  categoryId: null,
  type: null,
  typeId: "9",
  dateStart: new Date("2026-11-01T00:00:00.000Z"),
  dateEnd: null,
  minTierId: null,
  isHiddenByTier: false,
  isLockedByTier: false,
  // Free-form text from CrowdTwist: stays text, whatever its keys are called.
  extraData: { dateStart: "2026-01-01T00:00:00.000Z" },
  campaigns: [],
};

describe("cached activities", () => {
  it("come back from their JSON text as they went in, dates as Dates", () => {
    const [back] = parseCachedActivities(JSON.stringify([activity]));
    expect(back).toEqual(activity);
    expect(back?.dateStart).toBeInstanceOf(Date);
    expect(back?.extraData?.dateStart).toBe("2026-01-01T00:00:00.000Z");
  });

  it("read one activity the same way", () => {
    const back = parseCachedActivity(JSON.stringify({ ...activity, dateEnd: new Date(0) }));
    expect(back.dateStart).toEqual(activity.dateStart);
    expect(back.dateEnd).toEqual(new Date(0));
  });
});
