// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import "../../../testing/auto-cleanup.ts";
import { afterAll, describe, expect, test } from "vitest";
import { formatDay } from "../../../lib/format.ts";
import { activateLocale } from "../../../lib/i18n/i18n.ts";
import { ExpiringPointsList, expiringText } from "./expiring-points.tsx";

// Points about to expire, nearest first, worded in both languages; within 30 days a warning that is
// said (an icon and "in N days"), not only coloured.

const DAY_MS = 86_400_000;
/** A date `days` calendar days from now (same time of day, UTC: the program's zone in tests). */
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

afterAll(() => activateLocale("en"));

describe.each([
  [
    "en",
    (day: string) => [
      `100 pts expire in 12 days, on ${day}`,
      "1 pt expires tomorrow",
      "2 pts expire today",
      `150 pts expire on ${day}`,
    ],
  ],
  [
    "fr",
    (day: string) => [
      `100 points expirent dans 12 jours, le ${day}`,
      "1 point expire demain",
      "2 points expirent aujourd’hui",
      `150 points expirent le ${day}`,
    ],
  ],
] as const)("in %s", (locale, texts) => {
  test("soon, tomorrow, today, later", async () => {
    await activateLocale(locale);
    const [soon, later] = [inDays(12), inDays(45)];
    const expected = texts(formatDay(soon));
    expect([
      expiringText(100, soon, 12),
      expiringText(1, inDays(1), 1),
      expiringText(2, inDays(0), 0),
    ]).toEqual(expected.slice(0, 3));
    expect(expiringText(150, later, 45)).toBe(texts(formatDay(later))[3]);
  });
});

describe("ExpiringPointsList", () => {
  test("nearest first, a warning within 30 days (icon and words), and how many dates are left", async () => {
    await activateLocale("en");
    const expiring = [
      { points: 100, date: inDays(12) },
      { points: 150, date: inDays(45) },
      { points: 80, date: inDays(75) },
      { points: 20, date: inDays(100) },
      { points: 10, date: inDays(130) },
    ];
    render(<ExpiringPointsList expiring={expiring} restClassName="later" />);
    const list = screen.getByRole("list", { name: "Points expiring" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      `100 pts expire in 12 days, on ${formatDay(inDays(12))}`,
      `150 pts expire on ${formatDay(inDays(45))}`,
      `80 pts expire on ${formatDay(inDays(75))}`,
      "and 2 more dates",
    ]);
    // The nearest is a warning with its icon; the later ones are plain, and hide with the card's extras.
    expect(items[0]?.querySelector("svg")).toBeTruthy();
    expect(items[1]?.querySelector("svg")).toBeNull();
    expect(items.slice(1).every((item) => item.classList.contains("later"))).toBe(true);
    expect(items[0]?.classList.contains("later")).toBe(false);
  });

  test("nothing to expire: nothing shown", () => {
    const { container } = render(<ExpiringPointsList expiring={[]} />);
    expect(container.textContent).toBe("");
  });
});
