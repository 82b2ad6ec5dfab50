// @vitest-environment jsdom
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "../../../testing/auto-cleanup.ts";
import { beforeEach, describe, expect, test } from "vitest";
import { deferred, renderWithClient, type StubAnswer, stubApi } from "../../../testing/render.tsx";
import { AuditPage } from "./audit-page.tsx";

// The keyboard on the audit log: focus is moved on purpose after Apply, Clear and "Show older
// entries", never dropped on <body>; the form and the status line stay the same nodes.

const entry = (id: number, reason: string) => ({
  id: String(id),
  at: `2025-03-0${id}T12:00:00.000Z`,
  managerSub: "morgan",
  managerName: "Morgan",
  action: "preview_member",
  memberIdType: "third_party_id",
  memberId: "ava",
  reason,
});
const page = (entries: ReturnType<typeof entry>[], next: string | null): StubAnswer => ({
  status: 200,
  body: { entries, next },
});

/** Answers the audit pages in turn: each call takes the next answer. */
function auditAnswers(...answers: (StubAnswer | Promise<StubAnswer>)[]) {
  return stubApi({
    "/api/manager/audit": () => {
      const answer = answers.shift();
      if (!answer) throw new Error("an audit page nobody expected");
      return answer;
    },
    "/api/manager/audit/managers": { status: 200, body: { managers: [{ sub: "morgan", name: "Morgan" }] } },
  });
}

const results = () => screen.getByRole("heading", { name: "Entries" });

beforeEach(() => {
  window.history.replaceState(null, "", "/manage/audit");
});

describe("AuditPage focus", () => {
  test("Apply keeps the form's nodes and puts focus on the results heading; the status stays mounted", async () => {
    auditAnswers(page([entry(3, "first")], null), page([entry(2, "only ava")], null));
    const user = userEvent.setup();
    renderWithClient(<AuditPage />);
    const status = await screen.findByText("1 entry shown — that is all.");
    const member = screen.getByLabelText("Member id");
    await user.type(member, "ava");
    await user.click(screen.getByRole("button", { name: "Apply filters" }));
    expect(window.location.search).toBe("?member=ava");
    expect(document.activeElement).toBe(results());
    expect(screen.getByLabelText("Member id")).toBe(member);
    expect((member as HTMLInputElement).value).toBe("ava");
    await screen.findByText("only ava");
    // The same live region announced the new answer.
    expect(screen.getByRole("status")).toBe(status);
    expect(status.textContent).toBe("1 entry shown — that is all.");
  });

  test("Clear (which removes itself) puts focus on the results heading, not <body>", async () => {
    window.history.replaceState(null, "", "/manage/audit?member=ava");
    auditAnswers(page([entry(2, "only ava")], null), page([entry(3, "all")], null));
    const user = userEvent.setup();
    renderWithClient(<AuditPage />);
    await screen.findByText("only ava");
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(screen.queryByRole("button", { name: "Clear filters" })).toBeNull();
    expect(document.activeElement).toBe(results());
    expect(window.location.search).toBe("");
    // The address drove the draft: the member field is empty again.
    expect((screen.getByLabelText("Member id") as HTMLInputElement).value).toBe("");
  });

  test("a new address (back button) resets the draft without remounting the form", async () => {
    auditAnswers(page([entry(3, "all")], null), page([entry(2, "ben's")], null));
    renderWithClient(<AuditPage />);
    await screen.findByText("all");
    const member = screen.getByLabelText("Member id");
    act(() => {
      window.history.pushState(null, "", "/manage/audit?member=ben");
      window.dispatchEvent(new PopStateEvent("popstate"));
    });
    await waitFor(() => expect((member as HTMLInputElement).value).toBe("ben"));
    expect(screen.getByLabelText("Member id")).toBe(member);
  });

  test("Show older entries stays focused (aria-disabled) while loading, then focuses the first older row", async () => {
    const older = deferred<StubAnswer>();
    auditAnswers(page([entry(5, "newest"), entry(4, "newer")], "c1"), older.promise);
    const user = userEvent.setup();
    renderWithClient(<AuditPage />);
    await screen.findByText("newest");
    const more = screen.getByRole("button", { name: "Show older entries" });
    await user.click(more);
    const loading = screen.getByRole("button", { name: "Loading older entries…" });
    expect(loading).toBe(more);
    expect(loading.getAttribute("aria-disabled")).toBe("true");
    expect(loading.hasAttribute("disabled")).toBe(false);
    expect(document.activeElement).toBe(loading);
    older.resolve(page([entry(3, "older")], null));
    const row = (await screen.findByText("older")).closest("tr");
    await waitFor(() => expect(document.activeElement).toBe(row));
    expect(within(screen.getByRole("status")).getByText("3 entries shown — that is all.")).toBeTruthy();
  });

  test("when no older entry comes, focus goes to the status line that says so", async () => {
    auditAnswers(page([entry(5, "newest")], "c1"), page([], null));
    const user = userEvent.setup();
    renderWithClient(<AuditPage />);
    await screen.findByText("newest");
    await user.click(screen.getByRole("button", { name: "Show older entries" }));
    const status = screen.getByRole("status");
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(status.textContent).toBe("1 entry shown — that is all.");
  });

  test("the day fields are described by the time-zone hint, the member id by its hint", async () => {
    auditAnswers(page([entry(3, "all")], null));
    renderWithClient(<AuditPage />);
    await screen.findByText("all");
    const zone = screen.getByText(/Days run from midnight to midnight/);
    for (const label of ["From (day)", "To (day)"]) {
      expect(screen.getByLabelText(label).getAttribute("aria-describedby")?.split(" ")).toContain(zone.id);
    }
    const hint = screen.getByText(/An email is matched in lower case/);
    expect(screen.getByLabelText("Member id").getAttribute("aria-describedby")).toBe(hint.id);
  });

  test("a 400 about a field is shown by the field, and the status line points there", async () => {
    window.history.replaceState(null, "", "/manage/audit?from=0000-01-01");
    const message = "from must be a day written YYYY-MM-DD from the year 1900 on, e.g. 2025-03-01.";
    auditAnswers({
      status: 400,
      body: {
        error: {
          code: "invalid_audit_filter",
          message,
          requestId: "r1",
          issues: [{ path: "from", message }],
        },
      },
    });
    renderWithClient(<AuditPage />);
    // In the page's words (the BFF's are for operators).
    const shown = await screen.findByText(
      "Write the day as YYYY-MM-DD, from the year 1900 on, e.g. 2025-03-01.",
    );
    const from = screen.getByLabelText("From (day)");
    expect(from.getAttribute("aria-invalid")).toBe("true");
    expect(from.getAttribute("aria-describedby")?.split(" ")).toContain(shown.id);
    expect(screen.getByRole("status").textContent).toBe(
      "Nothing shown: a filter above needs fixing; it says how.",
    );
  });
});
