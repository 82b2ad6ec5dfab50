// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "../../../testing/auto-cleanup.ts";
import { describe, expect, test } from "vitest";
import { activitiesFixture } from "../../../testing/fixtures.ts";
import { renderWithClient, stubApi } from "../../../testing/render.tsx";
import { PreviewMemberPage } from "./preview-member-page.tsx";

const REASON_MESSAGE =
  "Say why you are previewing this member (at least 10 characters); it goes into the audit log.";

async function fill(user: ReturnType<typeof userEvent.setup>, member: string, reason: string) {
  await user.type(screen.getByLabelText("Member id"), member);
  await user.type(screen.getByLabelText("Reason"), reason);
  await user.click(screen.getByRole("button", { name: "Preview" }));
}

describe("PreviewMemberPage", () => {
  test("offers the seven id types, third-party id first", () => {
    stubApi({});
    renderWithClient(<PreviewMemberPage renderMemberPage={() => null} />);
    const options = within(screen.getByLabelText("Member id type")).getAllByRole("option");
    expect(options.map((o) => (o as HTMLOptionElement).value)).toEqual([
      "third_party_id",
      "id",
      "email",
      "username",
      "facebook_user_id",
      "twitter_user_id",
      "mobile_phone_number",
    ]);
  });

  test("the BFF's 400 about the reason is shown by the reason, which is marked invalid", async () => {
    const { calls } = stubApi({
      "/api/manager/preview-member": {
        status: 400,
        body: {
          error: {
            code: "invalid_preview_request",
            message: REASON_MESSAGE,
            requestId: "r1",
            issues: [{ path: "reason", message: REASON_MESSAGE }],
          },
        },
      },
    });
    const user = userEvent.setup();
    renderWithClient(<PreviewMemberPage renderMemberPage={() => null} />);
    await fill(user, "ava", "short");
    const message = await screen.findByText(REASON_MESSAGE);
    const reason = screen.getByLabelText("Reason");
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(reason.getAttribute("aria-describedby")).toContain(message.id);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(calls).toEqual(["/api/manager/preview-member"]);
  });

  test("each field the BFF refused is marked by its issue's path, not by the words of a message", async () => {
    stubApi({
      "/api/manager/preview-member": {
        status: 400,
        body: {
          error: {
            // Words that name the reason, issues that name the member id and the id type.
            code: "invalid_preview_request",
            message: "reason: anything at all",
            requestId: "r2",
            issues: [
              { path: "userId", message: "userId is not an id of that type." },
              { path: "idType", message: "idType must be one of the list." },
            ],
          },
        },
      },
    });
    const user = userEvent.setup();
    renderWithClient(<PreviewMemberPage renderMemberPage={() => null} />);
    await fill(user, "ava", "Support ticket 4711");
    const userIdProblem = await screen.findByText("Name the member to preview.");
    const userId = screen.getByLabelText("Member id");
    expect(userId.getAttribute("aria-invalid")).toBe("true");
    expect(userId.getAttribute("aria-describedby")).toBe(userIdProblem.id);
    const idTypeProblem = screen.getByText("Choose one of the id types in the list.");
    expect(screen.getByLabelText("Member id type").getAttribute("aria-describedby")).toBe(idTypeProblem.id);
    expect(idTypeProblem.id).not.toBe(userIdProblem.id);
    expect(screen.getByLabelText("Reason").getAttribute("aria-invalid")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("a 400 that names no field of the form is the page's error, not a field's", async () => {
    stubApi({
      "/api/manager/preview-member": {
        status: 400,
        body: { error: { code: "invalid_preview_request", message: REASON_MESSAGE, requestId: "r3" } },
      },
    });
    const user = userEvent.setup();
    renderWithClient(<PreviewMemberPage renderMemberPage={() => null} />);
    await fill(user, "ava", "Support ticket 4711");
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByLabelText("Reason").getAttribute("aria-invalid")).toBeNull();
  });

  test("an outage is the standard error panel with its reference", async () => {
    stubApi({
      "/api/manager/preview-member": {
        status: 502,
        body: {
          error: {
            code: "upstream_unavailable",
            message: "CrowdTwist is not answering.",
            requestId: "req-9",
          },
        },
      },
    });
    const user = userEvent.setup();
    renderWithClient(<PreviewMemberPage renderMemberPage={() => null} />);
    await fill(user, "ava", "Support ticket 4711");
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(/One of our services isn't answering right now/)).toBeTruthy();
    expect(within(alert).getByText("Reference: req-9")).toBeTruthy();
  });

  test("a preview shows the banner, then the member's own page from the app layer", async () => {
    const body = {
      member: { idType: "third_party_id", userId: "ava" },
      auditId: "42",
      readOnly: true,
      profile: null,
      profileIdType: "third_party_id",
      history: [],
      segments: [
        {
          type: "segment",
          subscriptionId: "2001",
          name: "New York Members",
          member: true,
          since: "2026-11-20T10:00:00.000Z",
          trigger: "segment criteria",
        },
      ],
      enrolled: true,
      activities: activitiesFixture(),
      freshness: { fetchedAt: new Date().toISOString(), ageSeconds: 0, degraded: false },
    };
    const { fetchStub } = stubApi({ "/api/manager/preview-member": { status: 200, body } });
    const user = userEvent.setup();
    const rendered: unknown[] = [];
    renderWithClient(
      <PreviewMemberPage
        renderMemberPage={(preview) => {
          rendered.push(preview);
          return <p>the member's page</p>;
        }}
      />,
    );
    await fill(user, "ava", "Support ticket 4711");
    const banner = await screen.findByRole("heading", {
      name: "You are previewing ava's portal — read-only; this preview is recorded in the audit log",
    });
    expect(banner).toBeTruthy();
    expect(screen.getByText("Audit entry 42")).toBeTruthy();
    expect(screen.getByText("the member's page")).toBeTruthy();
    // Managers only: the segments the member's recorded changes name, before the member's page.
    const segments = screen.getByRole("region", { name: "Segments" });
    expect(within(segments).getByRole("rowheader").textContent).toBe("New York Members");
    expect(
      segments.compareDocumentPosition(screen.getByText("the member's page")) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(rendered.at(-1)).toEqual(body);
    const init = (fetchStub.mock.calls[0] as unknown[] | undefined)?.[1] as RequestInit | undefined;
    expect(JSON.parse(String(init?.body))).toEqual({
      idType: "third_party_id",
      userId: "ava",
      reason: "Support ticket 4711",
    });
  });

  test("previewed by an id type the tier profile is not stored under, it says which id finds the card", async () => {
    stubApi({
      "/api/manager/preview-member": {
        status: 200,
        body: {
          member: { idType: "username", userId: "ava" },
          auditId: "43",
          readOnly: true,
          profile: null,
          profileIdType: "third_party_id",
          enrolled: true,
          activities: activitiesFixture(),
          freshness: { fetchedAt: new Date().toISOString(), ageSeconds: 0, degraded: false },
        },
      },
    });
    const user = userEvent.setup();
    renderWithClient(<PreviewMemberPage renderMemberPage={() => null} />);
    await fill(user, "ava", "Support ticket 4711");
    expect(
      await screen.findByText(
        "The tier card is found by the member's Third-party id (sign-in id): preview by that id to see their tier, path and points.",
      ),
    ).toBeTruthy();
  });
});
