// @vitest-environment jsdom
import "../../../testing/auto-cleanup.ts";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import { deferred, renderWithClient, type StubAnswer, stubApi } from "../../../testing/render.tsx";
import { ServiceStatus } from "./service-status.tsx";

// The landing page's status line, from the BFF's `/api/status`: never "online" while the rewards
// service is down, and never an upstream's product name.

const PATH = "/api/status";
const AT = "2026-11-23T10:00:00.000Z";

type State = "ok" | "degraded" | "down";
const status = (crowdtwist: State, alida: State = "ok"): StubAnswer => ({
  status: 200,
  body: {
    status: crowdtwist === "ok" && alida === "ok" ? "ok" : "degraded",
    upstreams: [
      {
        name: "crowdtwist",
        state: crowdtwist,
        lastSuccessAt: AT,
        lastFailureAt: crowdtwist === "ok" ? null : AT,
      },
      { name: "alida", state: alida, lastSuccessAt: AT, lastFailureAt: alida === "ok" ? null : AT },
    ],
  },
});

const statusLine = () => screen.getByRole("status");
const lines = () => Array.from(statusLine().querySelectorAll("p"), (p) => p.textContent);

describe("ServiceStatus", () => {
  test("everything answering: all services are running", async () => {
    stubApi({ [PATH]: status("ok") });
    renderWithClient(<ServiceStatus />);
    await waitFor(() => expect(lines()).toEqual(["All services are running."]));
    expect(screen.getByRole("region", { name: "Service status" })).toBeTruthy();
  });

  test("the rewards service down: rewards data may be out of date", async () => {
    stubApi({ [PATH]: status("down") });
    renderWithClient(<ServiceStatus />);
    await waitFor(() =>
      expect(lines()).toEqual(["Rewards data may be out of date: the rewards service is not answering."]),
    );
  });

  test("the rewards service failing but not yet cut off: having trouble", async () => {
    stubApi({ [PATH]: status("degraded") });
    renderWithClient(<ServiceStatus />);
    await waitFor(() =>
      expect(lines()).toEqual([
        "Rewards data may be out of date: the rewards service is having trouble answering.",
      ]),
    );
  });

  test("both down: one line each, in plain words", async () => {
    stubApi({ [PATH]: status("down", "degraded") });
    renderWithClient(<ServiceStatus />);
    await waitFor(() =>
      expect(lines()).toEqual([
        "Rewards data may be out of date: the rewards service is not answering.",
        "Survey details may be out of date: the research community is having trouble answering.",
      ]),
    );
    expect(statusLine().textContent).not.toMatch(/crowdtwist|alida/i);
  });

  test("an upstream the page does not know yet is still reported, without its name", async () => {
    stubApi({
      [PATH]: {
        status: 200,
        body: {
          status: "degraded",
          upstreams: [{ name: "newthing", state: "down", lastSuccessAt: null, lastFailureAt: AT }],
        },
      },
    });
    renderWithClient(<ServiceStatus />);
    await waitFor(() =>
      expect(lines()).toEqual(["Some details may be out of date: one of our services is not answering."]),
    );
  });

  test("the portal itself not answering says so", async () => {
    stubApi({
      [PATH]: () => {
        throw new TypeError("Failed to fetch");
      },
    });
    renderWithClient(<ServiceStatus />);
    await waitFor(() => expect(lines()).toEqual(["The portal is not answering right now."]));
  });

  test("Check again asks the portal, is busy meanwhile, and shows the new answer", async () => {
    let next: Promise<StubAnswer> | StubAnswer = status("down");
    const { calls } = stubApi({ [PATH]: () => next });
    const user = userEvent.setup();
    renderWithClient(<ServiceStatus />);
    await waitFor(() => expect(lines()[0]).toMatch(/^Rewards data may be out of date/));

    const answer = deferred<StubAnswer>();
    next = answer.promise;
    await user.click(screen.getByRole("button", { name: "Check again" }));
    const busy = screen.getByRole("button", { name: "Checking…" });
    expect(busy.getAttribute("aria-busy")).toBe("true");
    answer.resolve(status("ok"));
    await waitFor(() => expect(lines()).toEqual(["All services are running."]));
    expect(within(screen.getByRole("region")).getByRole("button", { name: "Check again" })).toBeTruthy();
    expect(calls).toEqual([PATH, PATH]);
  });
});
