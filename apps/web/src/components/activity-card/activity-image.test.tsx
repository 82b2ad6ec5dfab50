// @vitest-environment jsdom
import { fireEvent, render } from "@testing-library/react";
import "../../testing/auto-cleanup.ts";
import { describe, expect, test } from "vitest";
import { ActivityImage } from "./activity-image.tsx";

describe("ActivityImage", () => {
  test("a picture has its size set and loads lazily unless asked to load at once", () => {
    const { container, rerender } = render(<ActivityImage src="https://img.test/a.svg" categoryId="1" />);
    const image = container.querySelector("img");
    expect(image?.getAttribute("width")).toBe("640");
    expect(image?.getAttribute("height")).toBe("360");
    expect(image?.getAttribute("loading")).toBe("lazy");
    expect(container.querySelector("[data-category-icon]")).toBeNull();
    rerender(<ActivityImage src="https://img.test/a.svg" categoryId="1" eager />);
    expect(container.querySelector("img")?.getAttribute("loading")).toBe("eager");
  });

  test.each([
    ["4", "4"],
    ["2", "2"],
    [null, "other"],
    ["99", "other"],
  ])("without a picture, category %s shows its icon (%s)", (categoryId, icon) => {
    const { container } = render(<ActivityImage src="" categoryId={categoryId} />);
    expect(container.querySelector("img")).toBeNull();
    const svg = container.querySelector("[data-category-icon]");
    expect(svg?.getAttribute("data-category-icon")).toBe(icon);
    expect(svg?.getAttribute("aria-hidden")).toBe("true");
    // No initials: the frame holds the icon and nothing to read.
    expect(container.textContent).toBe("");
  });

  test("a picture that fails to load gives way to the icon; a new address is tried again", () => {
    const { container, rerender } = render(
      <ActivityImage src="https://img.test/broken.svg" categoryId="3" />,
    );
    const image = container.querySelector("img");
    if (!image) throw new Error("no image");
    fireEvent.error(image);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("[data-category-icon]")?.getAttribute("data-category-icon")).toBe("3");
    rerender(<ActivityImage src="https://img.test/fixed.svg" categoryId="3" />);
    expect(container.querySelector("img")?.getAttribute("src")).toBe("https://img.test/fixed.svg");
  });
});
