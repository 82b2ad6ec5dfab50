// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import "../../../testing/auto-cleanup.ts";
import { describe, expect, test } from "vitest";
import { extendedFixture, lockedPreviewFixture } from "../testing/manager-fixtures.ts";
import { ActivityFacts } from "./activity-facts.tsx";

// Managers see both wordings, labelled: what members read, and Control Center's internal words.

describe("ActivityFacts, public and internal wording", () => {
  test("shows the public wording and the internal title, each under its label", () => {
    const { matrix } = lockedPreviewFixture();
    const activity = extendedFixture({
      id: "111",
      title: "FY26 Q4 – Survey push (internal)",
      publicTitle: "Tell us what you think",
      publicDescription: "Ten minutes.",
    });
    render(<ActivityFacts preview={{ activity, matrix }} />);
    expect(screen.getByText("Members see").nextElementSibling?.textContent).toContain(
      "Tell us what you think",
    );
    expect(screen.getByText("Internal (Control Center)").nextElementSibling?.textContent).toContain(
      "FY26 Q4 – Survey push (internal)",
    );
  });

  test("says when there is no public wording, and that members get the internal words", () => {
    const { matrix } = lockedPreviewFixture();
    const activity = extendedFixture({ id: "120", publicTitle: "", publicDescription: "  " });
    render(<ActivityFacts preview={{ activity, matrix }} />);
    const shown = screen.getByText("Members see").nextElementSibling?.textContent ?? "";
    expect(shown).toContain("No public title: members see the internal title, the heading of this page");
    expect(shown).toContain("No public description: members see the internal description below");
  });

  test("says each name once: the internal title not again under the heading it is, the name only when it differs", () => {
    const { matrix } = lockedPreviewFixture();
    const count = (text: string) => (document.body.textContent ?? "").split(text).length - 1;
    const noPublic = extendedFixture({
      id: "120",
      title: "Winter code",
      name: "Winter code",
      publicTitle: "",
    });
    const { unmount } = render(<ActivityFacts preview={{ activity: noPublic, matrix }} />);
    // The page's heading says it (ActivityDetailPage); the facts do not repeat it.
    expect(count("Winter code")).toBe(0);
    unmount();
    const named = extendedFixture({
      id: "121",
      title: "Winter code",
      name: "winter_code_fy26",
      publicTitle: "Redeem a code",
    });
    render(<ActivityFacts preview={{ activity: named, matrix }} />);
    expect(count("Winter code")).toBe(1);
    expect(count("winter_code_fy26")).toBe(1);
    expect(count("Redeem a code")).toBe(1);
  });
});
