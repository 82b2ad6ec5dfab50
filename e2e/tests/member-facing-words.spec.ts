import { expect, type Page, test } from "@playwright/test";
import { CROWDTWIST_API_KEY, SANDBOX_URL } from "../system.ts";
import { card, signIn } from "./member-helpers.ts";

// Members read CrowdTwist's member-facing words (`public_title`), never Control Center's internal
// title, which is all the user-activities list carries. The internal titles come from the sandbox's
// own extended answers, as CrowdTwist would give them to anyone with the key.

interface Extended {
  id: string;
  title: string;
  description: string;
  public_title: string;
  public_description: string;
}

async function extended(id: number): Promise<Extended> {
  const response = await fetch(`${SANDBOX_URL}/v2/activities/${id}/extended`, {
    headers: { "X-CT-Authorization": `CTApiKey ${CROWDTWIST_API_KEY}` },
    signal: AbortSignal.timeout(5_000),
  });
  expect(response.status).toBe(200);
  const [activity] = (await response.json()) as Extended[];
  if (!activity) throw new Error(`no activity ${id}`);
  return activity;
}

/** Every activity of the demo program (ids 101…124), described by the sandbox. */
async function program(): Promise<Extended[]> {
  return Promise.all(Array.from({ length: 24 }, (_, i) => extended(101 + i)));
}

// All text in the document, hidden or not: an internal title must not be there at all.
const pageText = async (page: Page) => (await page.locator("body").textContent()) ?? "";

test("ava sees public titles and never an internal one, on her list and in an activity's details", async ({
  page,
}) => {
  const activities = await program();
  const internal = activities.filter((a) => a.public_title !== "" && a.title !== a.public_title);
  // The sandbox really has internal names to leak, or this test proves nothing.
  expect(internal.length).toBeGreaterThan(12);

  await signIn(page, "ava");
  await expect(card(page, "Tell us about our products")).toBeVisible();
  await expect(card(page, "Daily check-in")).toContainText("Sign in to the portal once a day");
  // No public wording at all: the list's own title stands in.
  await expect(card(page, "Complete your profile")).toBeVisible();

  const listText = await pageText(page);
  for (const activity of internal) {
    expect(listText, `internal title of ${activity.id}`).not.toContain(activity.title);
    // Where the public description is empty (123), the internal one is what members rightly get.
    if (activity.public_description !== "") {
      expect(listText, `internal description of ${activity.id}`).not.toContain(activity.description);
    }
  }

  // An activity's own page (the details a member opens) says the same.
  await page.goto("/activities/111");
  await expect(page.getByRole("heading", { level: 1, name: "Tell us about our products" })).toBeVisible();
  await expect(page.getByText("A ten-minute survey in our research community.")).toBeVisible();
  const detailText = await pageText(page);
  for (const activity of internal) expect(detailText).not.toContain(activity.title);
});

test("the manager sees the internal title labelled, beside the words members read", async ({ page }) => {
  const path = "/manage/activities/111";
  await page.goto(path);
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Username").fill("morgan");
  await page.getByLabel("Password").fill("demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === path);
  await expect(page.getByRole("heading", { level: 1, name: "Tell us about our products" })).toBeVisible();
  await expect(page.getByText("Internal (Control Center)")).toBeVisible();
  await expect(page.getByText("FY26 Q4 – Survey push (internal)")).toBeVisible();
});
