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
    expect(shown).toContain("No public title: members see the internal title below");
    expect(shown).toContain("No public description: members see the internal description below");
  });
});
