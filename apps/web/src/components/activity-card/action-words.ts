import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { Activity } from "./activity-types.ts";

// The calls to action's words that depend on the BFF's codes, kept beside their component.

/** Every instruction the BFF may send; `satisfies` below makes a new one a type error until worded. */
export type Instruction = Extract<NonNullable<Activity["action"]>, { kind: "instruction" }>["instruction"];

/** How an activity without a link is completed, said plainly. */
export const instructionWords = {
  enter_code: msg`Enter the code from the product at checkout on our store or app.`,
  check_in: msg`Check in at the venue with our app when you're there.`,
  buy_merchandise: msg`Buy from our store — the points follow your order.`,
  buy_tickets: msg`Buy your tickets from us — the points follow your order.`,
  facebook: msg`Do it on Facebook with the account linked to your membership.`,
  twitter: msg`Do it on Twitter with the account linked to your membership.`,
  music: msg`Do it on our music page — the points follow once it's recorded.`,
  sign_in: msg`Sign in to the portal — each sign-in counts.`,
  open_email: msg`Open our email and click through — the points follow the click.`,
  complete_profile: msg`Complete your profile on our website or app.`,
  use_app: msg`Do it in our app, signed in with your membership.`,
  community_invitation: msg`Open the invitation our research community sent you by email.`,
  on_site: msg`Do it on our website — the points follow once it's recorded.`,
} satisfies Record<Instruction, MessageDescriptor>;

type Community = Extract<NonNullable<Activity["action"]>, { kind: "community" }>["community"];

/** The link button's words for a linked survey, forum or other community activity. */
export const communityLinkWords = {
  survey: msg`Take the survey`,
  forum: msg`Go to the forum`,
  activity: msg`Go to the community`,
} satisfies Record<Community, MessageDescriptor>;
