import type { ActivityExtended } from "@portal/crowdtwist/activity-extended";
import { describe, expect, it } from "vitest";
import type { ProgramConfig } from "../program-config.ts";
import { createKnownActivities } from "./known-activities.ts";

// Which activities a manager can browse: the union of what the personas see and what managers looked
// up, each described once and read tier by tier. Pure logic over the two reads it is given.

type Persona = ProgramConfig["previewPersonas"][number];
type Entry = { id: string; isHiddenByTier: boolean; isLockedByTier: boolean };

const personas: Persona[] = [
  { tierId: "334", idType: "third_party_id", userId: "ava" },
  { tierId: "345", idType: "third_party_id", userId: "ben" },
  { tierId: "356", idType: "third_party_id", userId: "cleo" },
];

const described = (id: string, extra: Partial<ActivityExtended> = {}): ActivityExtended => ({
  id,
  name: `name ${id}`,
  title: `Title ${id}`,
  description: "",
  publicTitle: `Public ${id}`,
  publicDescription: "",
  numPoints: 10,
  image: "",
  categoryId: "7",
  categoryName: "Social",
  type: null,
  typeId: "1",
  typeName: "Custom",
  channelId: null,
  channelName: null,
  frequency: null,
  redirectUrl: null,
  pointsOnClick: false,
  actionTags: null,
  dateStart: null,
  dateEnd: null,
  minTierId: null,
  showAsLockedByTier: true,
  tags: [],
  segment: null,
  extraData: null,
  ...extra,
});

const available = (id: string): Entry => ({ id, isHiddenByTier: false, isLockedByTier: false });
const locked = (id: string): Entry => ({ id, isHiddenByTier: false, isLockedByTier: true });
const hidden = (id: string): Entry => ({ id, isHiddenByTier: true, isLockedByTier: false });

function known(lists: (Entry[] | null)[], unknownIds: string[] = []) {
  const describedIds: string[] = [];
  const activities = createKnownActivities({
    personas,
    personaActivities: async (persona) => lists[personas.indexOf(persona)] ?? null,
    extended: async (id) => {
      describedIds.push(id);
      if (unknownIds.includes(id)) throw new Error(`CrowdTwist does not know ${id}`);
      return described(id, id === "113" ? { segment: segmentOf() } : {});
    },
  });
  return { activities, describedIds };
}

const segmentOf = () => ({
  name: "Login streak",
  subscriptionId: "1628",
  eligibility: "inclusion" as const,
});

describe("known activities", () => {
  it.each([
    {
      name: "each tier's persona decides that tier's column",
      lists: [[locked("105")], [available("105")], [available("105")]],
      byTier: { "105": ["locked", "available", "available"] },
    },
    {
      name: "an activity one persona lacks is absent for that tier",
      lists: [[], [available("110")], [available("110")]],
      byTier: { "110": ["absent", "available", "available"] },
    },
    {
      name: "a persona that cannot be read leaves its tier unknown (null)",
      lists: [[available("101")], null, [available("101")]],
      byTier: { "101": ["available", null, "available"] },
    },
    {
      name: "hidden is told apart from absent",
      lists: [[hidden("124")], [hidden("124")], [available("124")]],
      byTier: { "124": ["hidden", "hidden", "available"] },
    },
    {
      name: "sorted by number, not as text",
      lists: [[available("9"), available("120")], [available("100")], []],
      byTier: {
        "9": ["available", "absent", "absent"],
        "100": ["absent", "available", "absent"],
        "120": ["available", "absent", "absent"],
      },
    },
  ])("$name", async ({ lists, byTier }) => {
    const list = await known(lists).activities.list();
    expect(list.map((activity) => activity.id)).toEqual(
      Object.keys(byTier).sort((a, b) => Number(a) - Number(b)),
    );
    for (const activity of list) {
      expect(activity.byTier.map((tier) => tier.tierId)).toEqual(["334", "345", "356"]);
      expect(
        activity.byTier.map((tier) => tier.observed),
        activity.id,
      ).toEqual(byTier[activity.id as keyof typeof byTier]);
    }
  });

  it("describes each activity once however many personas see it, in the manager's words", async () => {
    const { activities, describedIds } = known([
      [available("105"), available("113")],
      [available("105")],
      [available("105"), available("113")],
    ]);
    const list = await activities.list();
    expect(describedIds.sort()).toEqual(["105", "113"]);
    expect(list[1]).toMatchObject({
      id: "113",
      title: "Title 113",
      publicTitle: "Public 113",
      categoryName: "Social",
      segment: { name: "Login streak", eligibility: "inclusion" },
    });
    expect(list[0]?.segment).toBeNull();
  });

  it("adds the ids managers looked up, and leaves out those CrowdTwist cannot describe", async () => {
    const { activities } = known([[available("101")], [], []], ["404"]);
    activities.noteViewed("999");
    activities.noteViewed("404");
    const list = await activities.list();
    expect(list.map((activity) => [activity.id, activity.byTier.map((tier) => tier.observed)])).toEqual([
      ["101", ["available", "absent", "absent"]],
      ["999", ["absent", "absent", "absent"]],
    ]);
  });

  it.each([
    { name: "newest first", viewed: ["1", "2", "3"], recent: ["3", "2", "1"] },
    { name: "a second look moves an id to the front, once", viewed: ["1", "2", "1"], recent: ["1", "2"] },
    {
      name: "at most twenty, the oldest dropped",
      viewed: Array.from({ length: 25 }, (_, i) => String(i + 1)),
      recent: Array.from({ length: 20 }, (_, i) => String(25 - i)),
    },
  ])("remembers recent look-ups: $name", ({ viewed, recent }) => {
    const { activities } = known([[], [], []]);
    for (const id of viewed) activities.noteViewed(id);
    expect(activities.recent()).toEqual(recent);
  });

  it("hands out a copy of the recent ids, not its own list", () => {
    const { activities } = known([[], [], []]);
    activities.noteViewed("1");
    activities.recent().push("2");
    expect(activities.recent()).toEqual(["1"]);
  });
});
