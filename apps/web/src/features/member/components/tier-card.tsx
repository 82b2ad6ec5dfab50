import { plural, t } from "@lingui/core/macro";
import { useId } from "react";
import { Skeleton } from "../../../components/skeleton.tsx";
import { DisclosureButton, useWideOpen } from "../../../components/wide-disclosure.tsx";
import { brandLang } from "../../../lib/brand.ts";
import { formatDay } from "../../../lib/format.ts";
import { useReadOnly } from "../../../lib/read-only.tsx";
import { Link } from "../../../lib/router.tsx";
import type { MemberProfileView, ProgramTierView } from "../api/me-query.ts";
import { tierEventText } from "../lib/tier-event-text.ts";
import { ExpiringPointsList } from "./expiring-points.tsx";
import { FreshnessText } from "./freshness-text.tsx";
import { TierHistory } from "./tier-history.tsx";
import { TierKeep } from "./tier-keep.tsx";
import { benefitsOf, TierBenefits, TierLadder } from "./tier-ladder.tsx";
import { TierPlanNext } from "./tier-plan.tsx";
import { TierProgress } from "./tier-progress.tsx";

const CARD =
  "rounded-2xl border border-gray-200 bg-white p-5 shadow-sm sm:p-6 dark:border-gray-700 dark:bg-gray-900";
// The card keeps this height in every state, so the activities below never move when the profile lands.
const MIN_HEIGHT = "min-h-64";

/**
 * The member's tier journey: where they stand, what their tier brings, what is next, what keeps the
 * tier, what happened. `tiers` (the program's, from /api/me) gives the benefits; without it none show.
 */
export function TierCard({
  profile,
  tiers = [],
  headingLevel = 2,
}: {
  profile: MemberProfileView | null;
  tiers?: readonly ProgramTierView[];
  /** 3 inside a manager's preview, under its banner's h2. */
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <section aria-labelledby="tier-heading" className={`${CARD} ${MIN_HEIGHT}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Heading id="tier-heading" className="text-lg font-semibold">
          {t`Your tier`}
        </Heading>
        {profile && <FreshnessText at={profile.lastPush.receivedAt} />}
      </div>
      {profile ? <TierDetails profile={profile} tiers={tiers} /> : <TierPending />}
    </section>
  );
}

function TierPending() {
  return (
    <div className="mt-4 rounded-xl border border-dashed border-gray-300 p-5 dark:border-gray-600">
      <p className="font-semibold">{t`Your tier is on its way`}</p>
      <p className="mt-1 max-w-prose text-gray-700 dark:text-gray-300">{t`Your tier details will appear here as soon as the rewards program sends them. This usually takes a few minutes after you join or earn points.`}</p>
    </div>
  );
}

const totalText = (total: number) =>
  plural(total, { one: "# pt earned in all", other: "# pts earned in all" });
const redeemableText = (redeemable: number) =>
  plural(redeemable, { one: "# pt to spend", other: "# pts to spend" });

function resetText(iso: string): string {
  const day = formatDay(iso);
  return t`Your points period resets on ${day}.`;
}

type Entry = MemberProfileView["history"][number];
const inHistory = (history: readonly Entry[], event: NonNullable<MemberProfileView["lastEvent"]>) =>
  history.some(
    (entry) => entry.event === event.event && entry.tierTitle === event.tierTitle && entry.at === event.at,
  );

function TierDetails({ profile, tiers }: { profile: MemberProfileView; tiers: readonly ProgramTierView[] }) {
  const { tier, points, lastEvent, history, plan, expiringPoints } = profile;
  const readOnly = useReadOnly();
  const hasBalance = points.total !== null || points.redeemable !== null;
  // On a phone the card shows the tier, the points and the progress; the rest opens on request, so
  // the member's activities start on the first screen. Wider screens show it all, with no button.
  const [open, setOpen] = useWideOpen();
  const moreId = useId();
  const historyId = useId();
  const more = open ? "" : "max-sm:hidden";
  const expiringId = useId();
  const expiring = expiringPoints ?? [];
  return (
    <div className="mt-4 grid gap-6 md:grid-cols-[3fr_2fr]">
      <div>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <p className="text-sm text-gray-600 dark:text-gray-300">{t`Current tier`}</p>
            <p className="flex items-center gap-2 text-3xl font-bold tracking-tight">
              {tier.current ? <span lang={brandLang()}>{tier.current.title}</span> : t`No tier yet`}
              {tier.isTopTier && (
                <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-on-accent">
                  {t`Top tier`}
                </span>
              )}
            </p>
          </div>
          {/* A balance the rewards program's last update did not give is left out, never shown as 0. */}
          {(hasBalance || !readOnly) && (
            <div className="text-right">
              {hasBalance && <p className="text-sm text-gray-600 dark:text-gray-300">{t`Points`}</p>}
              {points.total !== null && <p className="text-xl font-semibold">{totalText(points.total)}</p>}
              {points.redeemable !== null && (
                <p className="text-sm text-gray-700 dark:text-gray-300">
                  {redeemableText(points.redeemable)}
                </p>
              )}
              {/* On a phone it sits beside "More about your tier" instead (below), on no line of its own. */}
              {!readOnly && <HistoryLink className="max-sm:hidden" />}
            </div>
          )}
        </div>
        <TierProgress tier={tier} />
        <ExpiringPointsList id={expiringId} expiring={expiring} restClassName={more} />
        <div className="mt-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 sm:hidden">
          <DisclosureButton
            label={t`More about your tier`}
            open={open}
            controls={`${moreId} ${historyId}${expiring.length > 1 ? ` ${expiringId}` : ""}`}
            onToggle={() => setOpen(!open)}
          />
          {!readOnly && <HistoryLink />}
        </div>
        <div id={moreId} className={more}>
          {/* Why the two balances differ, said only when they do. */}
          {points.total !== null && points.redeemable !== null && points.total !== points.redeemable && (
            <p className="mt-2 text-sm text-gray-700 dark:text-gray-300">{t`Points you spend on rewards, or that expire, come off what you can spend — never off what you've earned.`}</p>
          )}
          {tier.current && (
            <TierBenefits title={tier.current.title} benefits={benefitsOf(tiers, tier.current)} />
          )}
          <TierLadder tier={tier} tiers={tiers} />
          {plan?.toNextTier && tier.next && <TierPlanNext path={plan.toNextTier} tier={tier.next.title} />}
          <TierKeep tier={tier} plan={plan} />
          {tier.resetDate && (
            <p className="mt-3 text-sm text-gray-700 dark:text-gray-300">{resetText(tier.resetDate)}</p>
          )}
          {/* The history below lists it already when it holds it: said once. */}
          {lastEvent && !inHistory(history, lastEvent) && (
            <p className="mt-3 font-medium">
              {tierEventText(lastEvent.event, lastEvent.tierTitle, lastEvent.at)}
            </p>
          )}
        </div>
      </div>
      <div id={historyId} className={more}>
        <TierHistory history={history} />
      </div>
    </div>
  );
}

/** To the member's points history; a manager's read-only preview shows that list below the card. */
function HistoryLink({ className = "" }: { className?: string }) {
  return (
    <Link
      to="/history"
      className={`text-sm font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300 ${className}`}
    >
      {t`Points history`}
    </Link>
  );
}

export function TierCardSkeleton() {
  return (
    <div aria-hidden="true" className={`${CARD} ${MIN_HEIGHT}`}>
      <Skeleton className="h-6 w-32" />
      <Skeleton className="mt-6 h-9 w-40" />
      <Skeleton className="mt-6 h-3 w-full" />
      <Skeleton className="mt-3 h-4 w-48" />
    </div>
  );
}
