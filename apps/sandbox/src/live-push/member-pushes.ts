import type { SeedSegment } from "../program/seed-types.ts";
import type { MemberState, ProgramState } from "../program/state.ts";
import {
  createMessageIds,
  renderActivityMessage,
  renderExpirationMessage,
  renderRedemptionMessages,
  renderSegmentMessage,
} from "./feed-messages.ts";
import { renderLivePushProfile } from "./profile.ts";
import type { LivePushSender } from "./sender.ts";

// What CrowdTwist pushes when something happens to a member, feed by feed, in the order a receiver
// would want them: the event first (a completion, an order), then the profile it changed. A push
// that is slow to be acknowledged does not hold the next one back for long: CrowdTwist's feeds are
// independent, and a receiver must cope with any order anyway.

/** How long the profile waits for the event before it goes anyway. */
const EVENT_FIRST_MS = 2_000;

export function createMemberPushes(deps: { state: ProgramState; livePush: LivePushSender }) {
  const { state, livePush } = deps;
  const nextId = createMessageIds();
  const profile = (member: MemberState) =>
    livePush.send(renderLivePushProfile(member, state.program.tiers, new Date()));
  const expirations = (member: MemberState) =>
    livePush.sendFeed("points_expiration", {
      body: renderExpirationMessage(member, new Date()),
      userName: member.username,
      orderKey: member.username,
    });
  const segment = (member: MemberState, changed: SeedSegment) =>
    livePush.sendFeed("user_segmentation", {
      body: renderSegmentMessage(member, changed),
      userName: member.username,
      orderKey: `${member.username}:${changed.subscriptionId}`,
    });
  const eventFirst = async (event: Promise<boolean>) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([event, new Promise((resolve) => (timer = setTimeout(resolve, EVENT_FIRST_MS)))]);
    clearTimeout(timer);
  };

  return {
    profile,
    expirations,
    segment,

    /** A completion: its User Activity message, then the profile with the points. */
    async completion(member: MemberState, completion: { activityId: number; awarded: number; at: Date }) {
      const activity = state.activity(completion.activityId);
      if (!activity) return profile(member);
      const body = renderActivityMessage(member, activity, {
        userActivityId: nextId(),
        points: completion.awarded,
        at: completion.at,
      });
      const event = livePush.sendFeed("user_activity", {
        body,
        userName: member.username,
        orderKey: member.username,
      });
      await eventFirst(event);
      const [, acknowledged] = await Promise.all([event, profile(member)]);
      return acknowledged;
    },

    /** A redemption: its negative completion and the order, then the profile and what expires now. */
    async redemption(member: MemberState, reward: Parameters<typeof renderRedemptionMessages>[1], at: Date) {
      const messages = renderRedemptionMessages(member, reward, {
        orderId: nextId(),
        userActivityId: nextId(),
        at,
      });
      const about = { userName: member.username, orderKey: member.username };
      const events = Promise.all([
        livePush.sendFeed("user_activity", { body: messages.activity, ...about }),
        livePush.sendFeed("user_redemption", { body: messages.redemption, ...about }),
      ]);
      await eventFirst(events.then(() => true));
      await Promise.all([events, profile(member), expirations(member)]);
    },

    /**
     * Everything a receiver holds of every member, as CrowdTwist sends it when it (re)synchronises:
     * profiles, expiring points, and each member's membership of every segment.
     */
    all(): Promise<boolean[]> {
      return Promise.all(
        state
          .members()
          .flatMap((member) => [
            profile(member),
            expirations(member),
            ...state.program.segments.map((each) => segment(member, each)),
          ]),
      );
    },
  };
}
export type MemberPushes = ReturnType<typeof createMemberPushes>;
