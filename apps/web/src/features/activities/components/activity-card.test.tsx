// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import "../../../testing/auto-cleanup.ts";
import { describe, expect, test } from "vitest";
import { activitiesFixture } from "../../../testing/fixtures.ts";
import { ActivityCard } from "./activity-card.tsx";

const byId = (id: string) => {
  const activity = activitiesFixture().find((a) => a.id === id);
  if (!activity) throw new Error(`no fixture ${id}`);
  return activity;
};

describe("ActivityCard", () => {
  test("shows effective points, the base and each campaign", () => {
    render(<ActivityCard activity={byId("109")} memberScore={null} />);
    const card = screen.getByRole("article", { name: "Redeem a winter code" });
    expect(within(card).getByText("650 pts")).toBeTruthy();
    expect(within(card).getByText("200 pts base")).toBeTruthy();
    expect(within(card).getByText("3× Winter bonus · +50")).toBeTruthy();
    expect(within(card).getByText("Buy")).toBeTruthy();
    const image = card.querySelector("img");
    expect(image?.getAttribute("loading")).toBe("lazy");
  });

  test("a campaign the stacking rule leaves out is marked as such", () => {
    render(<ActivityCard activity={byId("110")} memberScore={null} />);
    expect(screen.getByText("2× Referral month")).toBeTruthy();
    expect(screen.getByText(/Holiday gift · \+100/).textContent).toBe(
      "Holiday gift · +100 (doesn't combine with the other bonus)",
    );
  });

  test("the title links to the details", () => {
    render(<ActivityCard activity={byId("109")} memberScore={null} />);
    expect(screen.getByRole("link", { name: "Redeem a winter code" }).getAttribute("href")).toBe(
      "/activities/109",
    );
  });

  test("a locked card names its lock, disables its action and says what unlocks it", () => {
    render(<ActivityCard activity={byId("105")} memberScore={350} />);
    expect(screen.getByRole("img", { name: "Locked" })).toBeTruthy();
    const action = screen.getByRole("button", { name: "Locked" });
    expect((action as HTMLButtonElement).disabled).toBe(true);
    expect(action.getAttribute("aria-describedby")).toBe("activity-105-lock");
    expect(screen.getByText("Reach Silver to unlock — 650 pts to go")).toBeTruthy();
  });

  test("without the member's score the unlock condition has no count", () => {
    render(<ActivityCard activity={byId("106")} memberScore={null} />);
    expect(screen.getByText("Reach Gold to unlock")).toBeTruthy();
  });

  test.each([
    ["117", "Ends in 2 days"],
    ["116", "Starts in 10 days"],
    ["118", "Ended"],
  ])("activity %s has the date badge %s", (id, text) => {
    render(<ActivityCard activity={byId(id)} memberScore={null} />);
    expect(screen.getByText(text)).toBeTruthy();
  });

  test("an available card has no lock", () => {
    render(<ActivityCard activity={byId("109")} memberScore={null} />);
    expect(screen.queryByRole("img", { name: "Locked" })).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
