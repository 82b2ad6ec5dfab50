// @vitest-environment jsdom
import "../../../testing/auto-cleanup.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";
import { ErrorBoundary } from "../../../components/error-boundary.tsx";
import { historyEntryFixture, historyPageFixture } from "../../../testing/fixtures.ts";
import { renderWithClient, type StubAnswer, stubApi } from "../../../testing/render.tsx";
import { historyKeys } from "../api/history-query.ts";
import PointsHistory from "./points-history.tsx";

const PATH = "/api/me/history";

/** The cursor each call to the history carried (`null` for the first page). */
const cursors = (fetchStub: ReturnType<typeof stubApi>["fetchStub"]) =>
  fetchStub.mock.calls.map(([input]) => {
    const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
    return url.searchParams.get("cursor");
  });

/** Answers the history's calls one after the other. */
function pages(...answers: StubAnswer[]) {
  let call = 0;
  return () => answers[Math.min(call++, answers.length - 1)] as StubAnswer;
}

describe("PointsHistory", () => {
  test("newest first: title, date, the points with their sign, a redemption said in words", async () => {
    stubApi({ [PATH]: { status: 200, body: historyPageFixture() } });
    renderWithClient(<PointsHistory />);
    const items = await screen.findAllByRole("listitem");
    expect(items.map((item) => within(item).getAllByRole("paragraph").at(-1)?.textContent)).toEqual([
      "+80 pts",
      "−300 pts",
      "+75 pts",
    ]);
    const [, order] = items;
    if (!order) throw new Error("no order");
    expect(within(order).getByText("$20 Gift Card")).toBeTruthy();
    expect(within(order).getByText(/Redeemed/)).toBeTruthy();
    expect(within(order).getByText("Nov 22, 2026, 9:30 AM").getAttribute("datetime")).toBe(
      "2026-11-22T09:30:00.000Z",
    );
    // No "Show more" on the last page.
    expect(screen.queryByRole("button", { name: "Show more" })).toBeNull();
  });

  test("an entry CrowdTwist named nowhere reads as its activity; an order without a title as a reward", async () => {
    stubApi({
      [PATH]: {
        status: 200,
        body: historyPageFixture([
          historyEntryFixture({ id: "2", title: null, activityId: "120", points: 1 }),
          historyEntryFixture({ id: "1", kind: "redeemed", title: null, points: -1, reward: null }),
        ]),
      },
    });
    renderWithClient(<PointsHistory />);
    expect(await screen.findByText("Activity 120")).toBeTruthy();
    expect(screen.getByText("+1 pt")).toBeTruthy();
    expect(screen.getByText("A reward")).toBeTruthy();
    expect(screen.getByText("−1 pt")).toBeTruthy();
  });

  test("'Show more' asks for the next page by its cursor and adds it below, keeping focus on the button", async () => {
    const { fetchStub } = stubApi({
      [PATH]: pages(
        { status: 200, body: historyPageFixture(undefined, "1764000000000000.42") },
        {
          status: 200,
          body: historyPageFixture([historyEntryFixture({ id: "8001", title: "Download the app" })]),
        },
      ),
    });
    const user = userEvent.setup();
    renderWithClient(<PointsHistory />);
    const more = await screen.findByRole("button", { name: "Show more" });
    await user.click(more);
    expect(await screen.findByText("Download the app")).toBeTruthy();
    expect(screen.getAllByRole("listitem")).toHaveLength(4);
    expect(screen.getByRole("status").textContent).toBe("4 entries shown");
    expect(cursors(fetchStub)).toEqual([null, "1764000000000000.42"]);
    expect(screen.queryByRole("button", { name: "Show more" })).toBeNull();
  });

  test("a page that fails says so and offers to try again, keeping what is shown", async () => {
    const { fetchStub } = stubApi({
      [PATH]: pages(
        { status: 200, body: historyPageFixture(undefined, "1.1") },
        { status: 503, body: { error: { code: "unavailable", message: "x", requestId: "r" } } },
        { status: 200, body: historyPageFixture([historyEntryFixture({ id: "7", title: "Later" })]) },
      ),
    });
    const user = userEvent.setup();
    renderWithClient(<PointsHistory />);
    await user.click(await screen.findByRole("button", { name: "Show more" }));
    expect((await screen.findByRole("alert")).textContent).toContain("cannot reach its storage");
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Later")).toBeTruthy();
    expect(cursors(fetchStub).slice(1)).toEqual(["1.1", "1.1"]);
  });

  test("a cursor the BFF no longer reads: start again from the newest", async () => {
    stubApi({
      [PATH]: pages(
        { status: 200, body: historyPageFixture(undefined, "1.1") },
        {
          status: 400,
          body: { error: { code: "invalid_history_request", message: "x", requestId: "r" } },
        },
        { status: 200, body: historyPageFixture() },
      ),
    });
    const user = userEvent.setup();
    renderWithClient(<PointsHistory />);
    await user.click(await screen.findByRole("button", { name: "Show more" }));
    expect((await screen.findByRole("alert")).textContent).toContain("couldn't load more of your history");
    await user.click(screen.getByRole("button", { name: "Start again from the newest" }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(screen.getAllByRole("listitem")).toHaveLength(3);
  });

  test("nothing yet: says what will be listed", async () => {
    stubApi({ [PATH]: { status: 200, body: historyPageFixture([]) } });
    renderWithClient(<PointsHistory />);
    expect(await screen.findByRole("heading", { name: "No points yet" })).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  test("a refetch (the live `history` event) shows a new entry on top without losing the rest", async () => {
    stubApi({
      [PATH]: pages(
        { status: 200, body: historyPageFixture() },
        {
          status: 200,
          body: historyPageFixture([
            historyEntryFixture({ id: "9004", title: "Buy from the team store", points: 600 }),
            ...historyPageFixture().entries,
          ]),
        },
      ),
    });
    const { queryClient } = renderWithClient(<PointsHistory />);
    await screen.findAllByRole("listitem");
    await queryClient.invalidateQueries({ queryKey: historyKeys.all });
    expect(await screen.findByText("Buy from the team store")).toBeTruthy();
    expect(screen.getAllByRole("listitem")[0]?.textContent).toContain("+600 pts");
    expect(screen.getAllByRole("listitem")).toHaveLength(4);
  });

  test("a first page that fails goes to the page's error boundary", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    stubApi({ [PATH]: { status: 500, body: { error: { code: "x", message: "x", requestId: "r9" } } } });
    renderWithClient(
      <ErrorBoundary fallback={({ error }) => <p>failed: {(error as Error).message}</p>}>
        <PointsHistory />
      </ErrorBoundary>,
    );
    expect(await screen.findByText(/failed:/)).toBeTruthy();
  });
});
