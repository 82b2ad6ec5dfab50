// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import "../../testing/auto-cleanup.ts";
import { describe, expect, test } from "vitest";
import { i18n } from "#i18n";
import { ReadOnly } from "../../lib/read-only.tsx";
import { type Instruction, instructionWords } from "./action-words.ts";
import { ActivityAction } from "./activity-action.tsx";

describe("ActivityAction", () => {
  test("an external link opens in a new tab, without opener or referrer, and says it leaves the portal", () => {
    render(
      <ActivityAction action={{ kind: "link", url: "https://brand.example/app", pointsOnClick: true }} />,
    );
    const link = screen.getByRole("link", { name: /Go to the activity/ });
    expect(link.getAttribute("href")).toBe("https://brand.example/app");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    const description = document.getElementById(link.getAttribute("aria-describedby") ?? "");
    expect(description?.textContent).toBe(
      "Your points follow the click. Leaves the portal: opens brand.example in a new tab.",
    );
  });

  test("a link on the portal's own origin stays in the same tab", () => {
    render(
      <ActivityAction
        action={{ kind: "link", url: `${window.location.origin}/profile`, pointsOnClick: false }}
      />,
    );
    const link = screen.getByRole("link", { name: "Go to the activity" });
    expect(link.hasAttribute("target")).toBe(false);
    expect(link.hasAttribute("aria-describedby")).toBe(false);
  });

  test.each([
    ["survey", "Take the survey"],
    ["forum", "Go to the forum"],
    ["activity", "Go to the community"],
  ] as const)("a linked %s names what it opens", (community, name) => {
    render(<ActivityAction action={{ kind: "community", url: "https://community.example/x", community }} />);
    expect(screen.getByRole("link", { name: new RegExp(name) }).getAttribute("href")).toBe(
      "https://community.example/x",
    );
  });

  test.each(Object.keys(instructionWords) as Instruction[])(
    "instruction %s is said plainly",
    (instruction) => {
      render(<ActivityAction action={{ kind: "instruction", instruction }} />);
      expect(screen.getByText(i18n._(instructionWords[instruction]))).toBeTruthy();
      expect(screen.queryByRole("link")).toBeNull();
    },
  );

  test("an instruction the member reads in words, not as its code", () => {
    render(<ActivityAction action={{ kind: "instruction", instruction: "enter_code" }} />);
    expect(screen.getByText("Enter the code from the product at checkout on our store or app.")).toBeTruthy();
  });

  test("nothing while the activity cannot be done", () => {
    const { container } = render(<ActivityAction action={null} />);
    expect(container.innerHTML).toBe("");
  });
});

describe("ActivityAction, read-only (a manager's preview)", () => {
  test("says where the member's link leads, without a link", () => {
    render(
      <ActivityAction
        readOnly
        action={{ kind: "community", url: "https://community.example/s/1", community: "survey" }}
      />,
    );
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText('Members see "Take the survey", leading to community.example.')).toBeTruthy();
  });

  test("an instruction is the same as the member's", () => {
    render(<ActivityAction readOnly action={{ kind: "instruction", instruction: "enter_code" }} />);
    expect(screen.getByText(i18n._(instructionWords.enter_code))).toBeTruthy();
  });
});

test("under <ReadOnly> (the member page preview) no link is offered either", () => {
  render(
    <ReadOnly>
      <ActivityAction action={{ kind: "link", url: "https://brand.example/app", pointsOnClick: true }} />
    </ReadOnly>,
  );
  expect(screen.queryByRole("link")).toBeNull();
  expect(screen.getByText('Members see "Go to the activity", leading to brand.example.')).toBeTruthy();
});
