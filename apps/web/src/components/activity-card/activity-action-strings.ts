// The calls to action's words, kept beside their component (the card layout is being reworked in
// parallel; one small file merges more easily than a block inside config/strings.ts).

import type { Activity } from "./activity-types.ts";

/** Every instruction the BFF may send; `satisfies` below makes a new one a type error until worded. */
export type Instruction = Extract<NonNullable<Activity["action"]>, { kind: "instruction" }>["instruction"];

export const actionStrings = {
  /** How an activity without a link is completed, said plainly. */
  instructions: {
    enter_code: "Enter the code from the product at checkout on our store or app.",
    check_in: "Check in at the venue with our app when you're there.",
    buy_merchandise: "Buy from our store — the points follow your order.",
    buy_tickets: "Buy your tickets from us — the points follow your order.",
    facebook: "Do it on Facebook with the account linked to your membership.",
    twitter: "Do it on Twitter with the account linked to your membership.",
    music: "Do it on our music page — the points follow once it's recorded.",
    sign_in: "Sign in to the portal — each sign-in counts.",
    open_email: "Open our email and click through — the points follow the click.",
    complete_profile: "Complete your profile on our website or app.",
    use_app: "Do it in our app, signed in with your membership.",
    community_invitation: "Open the invitation our research community sent you by email.",
    on_site: "Do it on our website — the points follow once it's recorded.",
  } satisfies Record<Instruction, string>,
  /** The link button's words. */
  link: "Go to the activity",
  community: { survey: "Take the survey", forum: "Go to the forum", activity: "Go to the community" },
  pointsOnClick: "Your points follow the click.",
  /** Said beside a link that leaves the portal. */
  external: (host: string) => `Leaves the portal: opens ${host} in a new tab.`,
  /** In a manager's read-only preview, where the member's link would be. */
  previewLink: (label: string, host: string) => `Members see "${label}", leading to ${host}.`,
};
