import type { CommunityKind, MemberCommunity } from "./community.ts";

// What a member does to complete an activity, from what CrowdTwist's extended description says:
// its `redirect_url` ("where the member is taken … e.g. point-on-click; JS Tag"), whether it is
// points-on-click, its linked Alida survey or forum, and otherwise its type and channel. The Alida
// document gives no member-facing address for a survey, so a linked activity is only a link when
// CrowdTwist's `redirect_url` says where it is; otherwise members are told to use the invitation
// Alida sends ("email invitation or the activity link").

/** How an activity without a link is completed; the web words each one. */
export const INSTRUCTIONS = [
  "enter_code",
  "check_in",
  "buy_merchandise",
  "buy_tickets",
  "facebook",
  "twitter",
  "music",
  "sign_in",
  "open_email",
  "complete_profile",
  "use_app",
  "community_invitation",
  "on_site",
] as const;
export type Instruction = (typeof INSTRUCTIONS)[number];

export type ActivityAction =
  /** Open `url`; with `pointsOnClick` the points follow the click itself. */
  | { kind: "link"; url: string; pointsOnClick: boolean }
  /** The linked Alida survey or forum, at the address CrowdTwist gives. */
  | { kind: "community"; url: string; community: CommunityKind }
  | { kind: "instruction"; instruction: Instruction };

export interface ActivityActionInput {
  /** The canonical activity type (crowdtwist's `ActivityType`), `null` when unknown. */
  type: string | null;
  channelId?: string | null;
  redirectUrl?: string | null;
  pointsOnClick?: boolean;
  /** Present only for an activity linked to an Alida survey or forum. */
  community?: MemberCommunity;
}

export interface LinkPolicy {
  /** `http://localhost…` accepted (the local sandbox); never in production. */
  allowLoopbackHttp: boolean;
}

export const STRICT_LINKS: LinkPolicy = { allowLoopbackHttp: false };

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The address if a member may be sent there: `https:` (or loopback `http:` when allowed), with no
 * credentials in it. Anything else — `javascript:`, `data:`, relative paths, `http:` elsewhere — is
 * `null`, so the activity falls back to its instruction.
 */
export function safeActionUrl(
  raw: string | null | undefined,
  policy: LinkPolicy = STRICT_LINKS,
): string | null {
  if (!raw) return null;
  const url = URL.parse(raw.trim());
  if (url === null) return null;
  if (url.username !== "" || url.password !== "") return null;
  if (url.protocol === "https:") return url.href;
  if (url.protocol === "http:" && policy.allowLoopbackHttp && LOOPBACK.has(url.hostname)) return url.href;
  return null;
}

// Maps, not object literals: a channel id is CrowdTwist's string, and one such as "constructor" must
// not find Object's prototype.
const BY_TYPE = new Map<string, Instruction>([
  ["code_redemption", "enter_code"],
  ["check_in", "check_in"],
  ["merchandise", "buy_merchandise"],
  ["tickets", "buy_tickets"],
  ["facebook", "facebook"],
  ["twitter", "twitter"],
  ["music", "music"],
]);

/** The extended document's channel ids that say how a "Your Site" activity is done. */
const BY_CHANNEL = new Map<string, Instruction>([
  ["2", "enter_code"],
  ["3", "enter_code"],
  ["7", "open_email"],
  ["10", "check_in"],
  ["13", "use_app"],
  ["14", "use_app"],
  ["15", "sign_in"],
  ["16", "buy_merchandise"],
  ["17", "buy_tickets"],
  ["18", "buy_tickets"],
  ["19", "complete_profile"],
]);

function instructionFor(input: ActivityActionInput): Instruction {
  return (
    BY_TYPE.get(input.type ?? "") ??
    (input.channelId ? BY_CHANNEL.get(input.channelId) : undefined) ??
    "on_site"
  );
}

/** The one call to action of an activity a member can do now. */
export function activityAction(
  input: ActivityActionInput,
  policy: LinkPolicy = STRICT_LINKS,
): ActivityAction {
  const url = safeActionUrl(input.redirectUrl, policy);
  if (input.community !== undefined) {
    const community = input.community.checked ? input.community.kind : "activity";
    return url
      ? { kind: "community", url, community }
      : { kind: "instruction", instruction: "community_invitation" };
  }
  if (url) return { kind: "link", url, pointsOnClick: input.pointsOnClick === true };
  return { kind: "instruction", instruction: instructionFor(input) };
}
