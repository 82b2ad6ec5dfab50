import { ActivityCard } from "../../../components/activity-card/activity-card.tsx";
import type { ActivityPreview, MatrixRow } from "../api/manager-queries.ts";
import { managerMessages as s } from "../messages.ts";
import { StateBadge } from "./state-badge.tsx";

// The very card members get, once per tier (and per side of the segment when one applies), as the BFF
// builds it with the members' own rules; a tier that does not see the activity gets a placeholder.

interface Props {
  preview: Pick<ActivityPreview, "activity" | "matrix" | "cards">;
  /** Only this tier's cards; `null` shows every tier. */
  tierId: string | null;
}

function rowHeading(row: MatrixRow, segmentName: string | null): string | null {
  if (row.audience === "everyone" || !segmentName) return null;
  return row.audience === "in_segment" ? s.cards.inSegment(segmentName) : s.cards.outOfSegment(segmentName);
}

export function MemberCardPreview({ preview, tierId }: Props) {
  const { activity, matrix, cards } = preview;
  const segmentName = activity.segment?.name ?? null;
  return (
    <div className="space-y-6">
      {matrix.rows.map((row) => {
        const heading = rowHeading(row, segmentName);
        const cells = row.cells.filter((cell) => tierId === null || cell.tier.id === tierId);
        return (
          <div key={row.audience} className="space-y-3">
            {heading && <h3 className="text-lg font-semibold">{heading}</h3>}
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {cells.map((cell) => {
                const card =
                  cards.find((c) => c.audience === row.audience && c.tierId === cell.tier.id)?.activity ??
                  null;
                const TierHeading = heading ? "h4" : "h3";
                return (
                  <li key={cell.tier.id} className="flex flex-col gap-2">
                    <TierHeading className="flex items-center gap-2 font-semibold">
                      {cell.tier.title}
                      <StateBadge state={cell.visibility.state} />
                    </TierHeading>
                    {card ? (
                      <ActivityCard activity={card} memberScore={null} href={null} headingLevel={4} />
                    ) : (
                      <div className="flex min-h-48 flex-1 items-center justify-center rounded-2xl border-2 border-dashed border-gray-300 p-4 text-center text-gray-800 dark:border-gray-600 dark:text-gray-200">
                        {cell.visibility.state === "hidden" &&
                        cell.visibility.reason === "segment" &&
                        segmentName
                          ? s.cards.hiddenSegment(segmentName)
                          : s.cards.hidden}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
