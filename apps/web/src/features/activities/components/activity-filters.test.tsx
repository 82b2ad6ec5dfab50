// @vitest-environment jsdom
import "../../../testing/auto-cleanup.ts";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import { WIDE_QUERY } from "../../../components/wide-disclosure.tsx";
import { DEFAULT_FILTERS } from "../lib/filters.ts";
import { ActivityFilters } from "./activity-filters.tsx";

/** A screen `wide` or not, as `matchMedia` reports it for the filters' query. */
function screenIs(wide: boolean) {
  const matchMedia = vi.fn((query: string) => ({
    matches: query === WIDE_QUERY ? wide : false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }));
  vi.stubGlobal("matchMedia", matchMedia);
}

afterEach(() => vi.unstubAllGlobals());

const toggle = () => screen.getByRole("button", { name: "Filter and sort" });
const panel = () => document.getElementById(toggle().getAttribute("aria-controls") ?? "");

describe("ActivityFilters", () => {
  test("on a phone the filters start collapsed behind a disclosure that opens and closes them", async () => {
    screenIs(false);
    const user = userEvent.setup();
    render(<ActivityFilters filters={DEFAULT_FILTERS} onChange={() => {}} />);
    expect(toggle().getAttribute("aria-expanded")).toBe("false");
    expect(panel()?.hidden).toBe(true);
    expect(screen.queryByRole("combobox", { name: "Category" })).toBeNull();

    await user.click(toggle());
    expect(toggle().getAttribute("aria-expanded")).toBe("true");
    expect(panel()?.hidden).toBe(false);
    expect(screen.getByRole("form", { name: "Filter and sort activities" })).toBe(panel());
    expect(screen.getByRole("combobox", { name: "Category" })).toBeTruthy();

    await user.click(toggle());
    expect(panel()?.hidden).toBe(true);
  });

  test("on a wider screen they start open, and a change still reaches onChange", async () => {
    screenIs(true);
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<ActivityFilters filters={DEFAULT_FILTERS} onChange={onChange} />);
    expect(toggle().getAttribute("aria-expanded")).toBe("true");
    expect(panel()?.hidden).toBe(false);
    await user.click(screen.getByRole("radio", { name: "Locked" }));
    expect(onChange).toHaveBeenCalledWith({ ...DEFAULT_FILTERS, show: "locked" });
  });
});
