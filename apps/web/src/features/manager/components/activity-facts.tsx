import type { ReactNode } from "react";
import { brandLang } from "../../../lib/brand.ts";
import type { ActivityPreview, ExtendedActivity } from "../api/manager-queries.ts";
import { formatZoned, managerTimeZone } from "../lib/format-time.ts";
import { managerMessages as s } from "../messages.ts";

// The activity in plain words: what Control Center calls it and what members read, how many points,
// how often, when, for whom.

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-t border-gray-200 py-2.5 sm:grid-cols-[12rem_1fr] sm:gap-4 dark:border-gray-700">
      <dt className="font-medium text-gray-700 dark:text-gray-300">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export function frequencyText(frequency: ExtendedActivity["frequency"]): string[] {
  if (!frequency) return [s.detail.noFrequency];
  const lines = [s.detail.frequencyText(frequency.cap, frequency.periodId, frequency.periodName)];
  if (frequency.requiredAttempts !== null && frequency.requiredAttempts > 1)
    lines.push(s.detail.requiredAttempts(frequency.requiredAttempts));
  return lines.map((line) => line.charAt(0).toUpperCase() + line.slice(1));
}

function tierRuleText(preview: Pick<ActivityPreview, "activity" | "matrix">): string {
  const { minTierId, showAsLockedByTier } = preview.activity;
  if (minTierId === null) return s.detail.noTierRule;
  const tier = preview.matrix.tiers.find((t) => t.id === minTierId);
  return tier
    ? s.detail.tierRuleText(tier.title, showAsLockedByTier)
    : s.detail.unknownTierRule(minTierId, showAsLockedByTier);
}

export function ActivityFacts({ preview }: { preview: Pick<ActivityPreview, "activity" | "matrix"> }) {
  const a = preview.activity;
  const hasPublicTitle = a.publicTitle.trim() !== "";
  const extra = Object.entries(a.extraData ?? {});
  return (
    <dl className="text-sm sm:text-base">
      <Row term={s.detail.public}>
        {/* The brand's words in its language; the portal's "none" in the page's. */}
        <p lang={hasPublicTitle ? brandLang() : undefined} className="font-semibold">
          {hasPublicTitle ? a.publicTitle : s.detail.noPublicTitle}
        </p>
        <p
          lang={a.publicDescription.trim() ? brandLang() : undefined}
          className="mt-1 whitespace-pre-line text-gray-800 dark:text-gray-200"
        >
          {a.publicDescription.trim() ? a.publicDescription : s.detail.noPublicDescription}
        </p>
      </Row>
      <Row term={s.detail.internal}>
        {/* Each name once: the page's heading is the internal title when there is no public one, and
            Control Center's name is often the title again. */}
        {hasPublicTitle && a.title !== a.publicTitle && (
          <p lang={brandLang()} className="font-semibold">
            {a.title}
          </p>
        )}
        <p lang={brandLang()} className="mt-1 whitespace-pre-line text-gray-800 dark:text-gray-200">
          {a.description}
        </p>
        {a.name !== a.title && (
          <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
            {s.labelled(s.detail.internalName)} <code>{a.name}</code>
          </p>
        )}
      </Row>
      <Row term={s.detail.category}>{a.categoryName}</Row>
      <Row term={s.detail.type}>{a.typeName}</Row>
      <Row term={s.detail.channel}>{a.channelName ?? s.detail.none}</Row>
      <Row term={s.detail.points}>{s.detail.pointsValue(a.numPoints)}</Row>
      <Row term={s.detail.pointsOnClick}>
        {a.pointsOnClick ? s.detail.pointsOnClickYes : s.detail.pointsOnClickNo}
      </Row>
      <Row term={s.detail.frequency}>
        {frequencyText(a.frequency).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </Row>
      <Row term={s.detail.dates}>
        <p>
          {s.labelled(s.detail.starts)} {formatZoned(a.dateStart) ?? s.detail.noStart}
        </p>
        <p>
          {s.labelled(s.detail.ends)} {formatZoned(a.dateEnd) ?? s.detail.noEnd}
        </p>
        <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">
          {s.detail.timeZone(managerTimeZone())}
        </p>
      </Row>
      <Row term={s.detail.tierRule}>{tierRuleText(preview)}</Row>
      <Row term={s.detail.segment}>
        {a.segment
          ? a.segment.eligibility === "inclusion"
            ? s.detail.segmentInclusion(a.segment.name)
            : s.detail.segmentExclusion(a.segment.name)
          : s.detail.noSegment}
      </Row>
      <Row term={s.detail.tags}>
        {a.tags.length > 0 ? (
          <ul className="flex flex-wrap gap-1.5">
            {a.tags.map((tag) => (
              <li
                key={tag.id}
                className="rounded-full bg-gray-100 px-2 py-0.5 text-sm text-gray-900 dark:bg-gray-800 dark:text-gray-100"
              >
                {tag.name}
              </li>
            ))}
          </ul>
        ) : (
          s.detail.noTags
        )}
      </Row>
      {a.redirectUrl && (
        <Row term={s.detail.redirect}>
          <code className="break-all">{a.redirectUrl}</code>
        </Row>
      )}
      <Row term={s.detail.extraData}>
        {extra.length > 0 ? (
          <dl className="grid gap-1">
            {extra.map(([key, value]) => (
              <div key={key} className="flex flex-wrap gap-x-2">
                <dt>
                  <code>{key}</code>
                </dt>
                <dd>
                  <code className="break-all">{value}</code>
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          s.detail.noExtraData
        )}
      </Row>
    </dl>
  );
}
