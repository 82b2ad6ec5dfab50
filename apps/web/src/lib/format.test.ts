import { afterEach, describe, expect, test } from "vitest";
import {
  calendarDaysUntil,
  formatDay,
  formatMoment,
  formatPeriodDay,
  formatPeriodWeekday,
  programTimeZone,
  setProgramTimeZone,
} from "./format.ts";

// Dates in the program's zone, whatever the browser's: the BFF starts periods at that zone's midnight.

afterEach(() => setProgramTimeZone("UTC"));

describe("dates in the program's time zone", () => {
  // Monday 00:00 in New York is Monday 04:00 UTC, and Sunday evening in Los Angeles.
  const mondayNewYork = "2026-03-16T04:00:00.000Z";

  test("UTC until the BFF says otherwise", () => {
    expect(programTimeZone()).toBe("UTC");
    expect(formatPeriodWeekday("2026-03-16T00:00:00.000Z")).toBe("Monday");
    // 23:30 on the 15th in New York is already the 16th in UTC.
    expect(formatPeriodDay("2026-03-16T03:30:00.000Z")).toMatch(/16/);
  });

  test("a New York program's Monday reset reads Monday, and its day is New York's", () => {
    setProgramTimeZone("America/New_York");
    expect(programTimeZone()).toBe("America/New_York");
    expect(formatPeriodWeekday(mondayNewYork)).toBe("Monday");
    expect(formatPeriodDay("2026-03-16T03:30:00.000Z")).toMatch(/15/);
    expect(formatDay("2026-03-16T03:30:00.000Z", new Date("2026-03-10T12:00:00Z"))).toMatch(/15/);
  });

  test("the year boundary is the program's too", () => {
    setProgramTimeZone("Asia/Tokyo");
    // 31 Dec 2026 20:00 UTC is already 1 Jan 2027 in Tokyo: another year than "now" in Tokyo.
    expect(formatDay("2026-12-31T20:00:00.000Z", new Date("2026-12-31T10:00:00Z"))).toMatch(/2027/);
  });

  test("days until a date count the program's midnights, not 24-hour spans", () => {
    const now = new Date("2026-03-16T23:00:00.000Z");
    expect(calendarDaysUntil("2026-03-16T23:59:00.000Z", now)).toBe(0);
    expect(calendarDaysUntil("2026-03-17T00:30:00.000Z", now)).toBe(1);
    expect(calendarDaysUntil("2026-04-15T00:00:00.000Z", now)).toBe(30);
    expect(calendarDaysUntil("2026-03-15T12:00:00.000Z", now)).toBe(-1);
    // 23:00 UTC is 19:00 in New York; 00:30 UTC the next day is still the 16th there.
    setProgramTimeZone("America/New_York");
    expect(calendarDaysUntil("2026-03-17T00:30:00.000Z", now)).toBe(0);
    expect(calendarDaysUntil("2026-03-17T04:30:00.000Z", now)).toBe(1);
  });

  test("a moment to plan for: its weekday, day and time in the program's zone, the year when not this one", () => {
    setProgramTimeZone("America/New_York");
    const now = new Date("2024-05-20T12:00:00Z");
    expect(formatMoment("2024-05-23T14:00:00.000Z", now)).toBe("Thursday, May 23 at 10:00 AM");
    // 03:30 UTC on 1 January 2025 is still New Year's Eve 2024 in New York: this year there.
    expect(formatMoment("2025-01-01T03:30:00.000Z", now)).toBe("Tuesday, December 31 at 10:30 PM");
    expect(formatMoment("2025-05-23T14:00:00.000Z", now)).toBe("Friday, May 23, 2025 at 10:00 AM");
  });

  test("an unknown zone is ignored rather than breaking every date", () => {
    setProgramTimeZone("Mars/Olympus_Mons");
    expect(programTimeZone()).toBe("UTC");
    expect(formatPeriodWeekday("2026-03-16T00:00:00.000Z")).toBe("Monday");
  });
});
