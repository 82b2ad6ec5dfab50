import { plural, t } from "@lingui/core/macro";
import { useId, useState } from "react";
import { brandLang } from "../../../lib/brand.ts";
import type { MemberProfileView, ProgramTierView } from "../api/me-query.ts";

type Tier = MemberProfileView["tier"];

interface TierName {
  id: string | null;
  title: string;
}

/**
 * Whether two tiers are the same: by CrowdTwist's id when both have one, else by title (a tier the
 * card names but the program config does not know has no id, and two such are not one).
 */
const sameTier = (a: TierName, b: TierName) =>
  a.id !== null && b.id !== null ? a.id === b.id : a.title === b.title;

/** A tier's benefits as the program config words them; none for a tier the config does not know. */
export const benefitsOf = (tiers: readonly ProgramTierView[], tier: TierName | null | undefined) =>
  (tier ? tiers.find((known) => sameTier(known, tier))?.benefits : undefined) ?? [];

/**
 * Every tier, lowest first: where it starts, what it brings, and where the member stands (their tier
 * is marked, each higher one says how many tier points it is away). Behind a disclosure on the tier
 * card, so the card stays short.
 */
export function TierLadder({ tier, tiers }: { tier: Tier; tiers: readonly ProgramTierView[] }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (tier.ladder.length === 0) return null;
  return (
    <div className="mt-4">
      <button
        type="button"
        className="button-secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true" className={`mr-2 inline-block ${open ? "rotate-90" : ""}`}>
          ›
        </span>
        {t`Every tier and its benefits`}
      </button>
      <ol id={panelId} hidden={!open} aria-label={t`Every tier and its benefits`} className="mt-3 grid gap-3">
        {tier.ladder.map((step) => (
          <LadderStep
            key={step.id ?? step.title}
            step={step}
            tier={tier}
            benefits={benefitsOf(tiers, step)}
          />
        ))}
      </ol>
    </div>
  );
}

function fromText(minScore: number): string {
  if (minScore === 0) return t`Where everyone starts`;
  return plural(minScore, { one: "From # tier pt", other: "From # tier pts" });
}

function LadderStep({
  step,
  tier,
  benefits,
}: {
  step: Tier["ladder"][number];
  tier: Tier;
  benefits: readonly string[];
}) {
  const current = tier.current !== null && sameTier(step, tier.current);
  const above = !current && tier.current !== null && step.minScore > tier.current.minScore;
  const toGo = above && tier.score !== null ? Math.max(0, step.minScore - tier.score) : null;
  return (
    <li
      aria-current={current ? "step" : undefined}
      className={`rounded-xl border p-4 ${
        current ? "border-primary border-2" : "border-gray-200 dark:border-gray-700"
      }`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <span lang={brandLang()} className="font-semibold">
          {step.title}
        </span>
        <p className="text-sm text-gray-700 dark:text-gray-300">{fromText(step.minScore)}</p>
      </div>
      <p className="mt-1 text-sm">
        {current ? (
          <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-on-accent">
            {t`You're here`}
          </span>
        ) : toGo !== null ? (
          <span className="text-gray-700 dark:text-gray-300">
            {plural(toGo, { one: "# more tier pt", other: "# more tier pts" })}
          </span>
        ) : (
          !above && <span className="text-gray-700 dark:text-gray-300">{t`Earlier tier`}</span>
        )}
      </p>
      {benefits.length > 0 && (
        <ul lang={brandLang()} className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {benefits.map((benefit) => (
            <li key={benefit}>{benefit}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The current tier's benefits, on the card itself. */
export function TierBenefits({ title, benefits }: { title: string; benefits: readonly string[] }) {
  if (benefits.length === 0) return null;
  return (
    <section aria-labelledby="tier-benefits-heading" className="mt-4">
      <h3 id="tier-benefits-heading" className="text-sm font-semibold">
        {t`Your ${title} benefits`}
      </h3>
      <ul lang={brandLang()} className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {benefits.map((benefit) => (
          <li key={benefit}>{benefit}</li>
        ))}
      </ul>
    </section>
  );
}
