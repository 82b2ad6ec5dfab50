// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import "../../testing/auto-cleanup.ts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ActivityCard } from "../../components/activity-card/activity-card.tsx";
import { badgeText } from "../../components/activity-card/date-badge.tsx";
import { whyText } from "../../components/activity-card/why-text.ts";
import { TierCard } from "../../features/member/components/tier-card.tsx";
import { announcementText, profileAnnouncement } from "../../features/member/lib/profile-announcement.ts";
import { tierEventText } from "../../features/member/lib/tier-event-text.ts";
import { activitiesFixture, PROGRAM_TIERS, profileFixture } from "../../testing/fixtures.ts";
import { formatInteger, setProgramTimeZone } from "../format.ts";
import { activateLocale, i18n } from "./i18n.ts";

// The portal in French: the catalog's plurals follow French rules (0 and 1 are singular), numbers
// and dates come from Intl in French (narrow no-break spaces in numbers), words stay the brand's
// where they are the brand's (tier names).

const NNBSP = "\u202f";

/** Exact text, spaces as they are: testing-library would turn a no-break space into a plain one. */
const exactly = { normalizer: (text: string) => text };

beforeAll(() => activateLocale("fr"));
afterAll(() => activateLocale("en"));

describe("the portal in French", () => {
  test("the French catalog is active and <html lang> says so", () => {
    expect(i18n.locale).toBe("fr");
    expect(document.documentElement.lang).toBe("fr");
  });

  test("numbers are written the French way", () => expect(formatInteger(12345)).toBe(`12${NNBSP}345`));

  test("the tier card: French words and numbers, the brand's tier names as they are", () => {
    render(<TierCard profile={profileFixture()} />);
    expect(screen.getByRole("heading", { name: "Votre statut" })).toBeTruthy();
    expect(screen.getByText("Bronze", { selector: "p > span" })).toBeTruthy();
    expect(screen.getByText(`1${NNBSP}350 points gagnés au total`, exactly)).toBeTruthy();
    expect(screen.getByText("350 points à dépenser", exactly)).toBeTruthy();
    expect(screen.getByText(`350 sur 1${NNBSP}000 pts de statut`, exactly)).toBeTruthy();
    expect(screen.getByText("650 points avant le statut Silver", exactly)).toBeTruthy();
  });

  test("an activity card: the brand's English title, description and campaigns say so; the portal's French does not", () => {
    const activity = activitiesFixture().find((a) => a.id === "109");
    if (!activity) throw new Error("no fixture 109");
    render(<ActivityCard activity={activity} memberScore={null} href="/activities/109" />);
    const card = screen.getByRole("article", { name: "Redeem a winter code" });
    expect(within(card).getByRole("heading", { name: "Redeem a winter code" }).lang).toBe("en");
    expect(within(card).getByText(activity.description).lang).toBe("en");
    expect(within(card).getByText("3× Winter bonus · +50").lang).toBe("en");
    // The portal's own words inherit the page's French: the nearest lang is <html>'s.
    expect(within(card).getByText("650 pts").closest("[lang]")).toBe(document.documentElement);
  });

  test("the tier card: the tier's name and its benefits are the brand's English, the rest French", () => {
    render(<TierCard profile={profileFixture()} tiers={PROGRAM_TIERS} />);
    const card = screen.getByRole("region", { name: "Votre statut" });
    expect(within(card).getByText("Bronze", { selector: "p > span" }).lang).toBe("en");
    const benefit = within(card).getAllByText("1 point for every £1 you spend")[0];
    expect(benefit?.closest("ul")?.lang).toBe("en");
    expect(within(card).getByText("Statut actuel").closest("[lang]")).toBe(document.documentElement);
  });

  test.each([
    [1, "Vous avez gagné 1 point."],
    [2, "Vous avez gagné 2 points."],
    [1500, `Vous avez gagné 1${NNBSP}500 points.`],
  ])("French plurals: %i point(s) earned", (earned, text) => {
    const before = profileFixture();
    const after = profileFixture({
      points: { ...before.points, total: (before.points.total ?? 0) + earned },
    });
    const announcement = profileAnnouncement(before, after);
    expect(announcement && announcementText(announcement)).toBe(text);
  });

  test("days count in French, and a date in French in the program's time zone", () => {
    expect(badgeText({ state: "ending_soon", daysLeft: 1, start: null, end: null })).toBe(
      "Se termine demain",
    );
    expect(badgeText({ state: "ending_soon", daysLeft: 3, start: null, end: null })).toBe(
      "Se termine dans 3 jours",
    );
    expect(tierEventText("JUMP", "Gold", "2019-03-03T12:00:00.000Z")).toBe(
      "Vous avez atteint le statut Gold le 3 mars 2019",
    );
  });

  // "à partir de lundi", but "à partir du 1 décembre": French contracts "de le" before a date.
  test.each([
    [
      "week",
      "2026-12-07T00:00:00.000Z",
      "Vous avez atteint la limite pour cette semaine — de nouveau possible à partir de lundi",
    ],
    [
      "month",
      "2026-12-01T00:00:00.000Z",
      "Vous avez atteint la limite pour ce mois-ci — de nouveau possible à partir du 1 décembre",
    ],
    [
      "year",
      "2027-01-01T00:00:00.000Z",
      "Vous avez atteint la limite pour cette année — de nouveau possible à partir du 1 janvier",
    ],
  ] as const)("a %s's cap says when it opens again, in French grammar", (period, resetsAt, text) => {
    const reason = {
      kind: "frequency_cap" as const,
      rule: { cap: 1, period, requiredAttempts: 1 },
      resetsAt,
      action: "wait" as const,
    };
    // The program's zone is UTC until told otherwise: the dates read as the BFF meant them.
    expect(whyText(reason, null).replace(/ 2027$/, "")).toBe(text);
  });

  test("a rolling cap says the day and time a slot frees up, in French and in the program's zone", () => {
    setProgramTimeZone("America/New_York");
    try {
      const reason = {
        kind: "frequency_cap" as const,
        rule: { cap: 2, period: "rolling_7d" as const, requiredAttempts: 1 },
        resetsAt: "2024-05-23T14:05:00.000Z",
        action: "wait" as const,
      };
      expect(whyText(reason, null)).toBe(
        "Vous avez atteint la limite sur les 7 derniers jours — vous pourrez recommencer le jeudi 23 mai 2024 à 10:05",
      );
    } finally {
      setProgramTimeZone("UTC");
    }
  });

  test("0 and 1 are singular in French, 2 is plural", () => {
    expect(badgeText({ state: "upcoming", daysLeft: 2, start: null, end: null })).toBe(
      "Commence dans 2 jours",
    );
    const zero = profileFixture({ points: { ...profileFixture().points, total: 0, redeemable: 0 } });
    render(<TierCard profile={zero} />);
    expect(screen.getByText("0 point gagné au total", exactly)).toBeTruthy();
    expect(screen.getByText("0 point à dépenser", exactly)).toBeTruthy();
  });
});
