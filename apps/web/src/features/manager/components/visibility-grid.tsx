import { brandLang } from "../../../lib/brand.ts";
import type { ActivityPreview, MatrixRow } from "../api/manager-queries.ts";
import { formatZoned } from "../lib/format-time.ts";
import { managerMessages as s } from "../messages.ts";
import { ScrollRegion } from "./scroll-region.tsx";
import { StateBadge } from "./state-badge.tsx";

// Tiers as columns, kinds of member as rows (one row, or in/out of the segment), each cell the
// state a member of that tier and kind gets, with the reason in words.

type Cell = MatrixRow["cells"][number];

function cellDetail(visibility: Cell["visibility"]): string | null {
  if (visibility.state === "locked") return s.grid.locked(visibility.unlockTier?.title ?? null);
  if (visibility.state === "hidden")
    return visibility.reason === "segment" ? s.grid.hiddenSegment : s.grid.hiddenTier;
  return null;
}

function audienceLabel(row: MatrixRow, segmentName: string | null): string {
  if (row.audience === "everyone" || !segmentName) return s.grid.audiences.everyone;
  return s.grid.audiences[row.audience](segmentName);
}

function notNowText(reason: ActivityPreview["notNow"][number]): string {
  if (reason.kind === "ended") return s.grid.notNowReason.ended(formatZoned(reason.endedAt) ?? "");
  if (reason.kind === "not_started")
    return s.grid.notNowReason.not_started(formatZoned(reason.startsAt) ?? "");
  return s.grid.notNowReason[reason.block];
}

interface Props {
  preview: Pick<ActivityPreview, "matrix" | "activity" | "notNow">;
  selectedTierId: string | null;
}

export function VisibilityGrid({ preview, selectedTierId }: Props) {
  const { matrix, activity, notNow } = preview;
  const segmentName = activity.segment?.name ?? null;
  return (
    <div className="space-y-3">
      {notNow.length > 0 && (
        <p className="rounded-lg border border-gray-300 bg-gray-50 p-3 text-sm text-gray-900 dark:border-gray-600 dark:bg-gray-800 dark:text-gray-50">
          {s.grid.notNowReasons(notNow.map(notNowText))}
        </p>
      )}
      {matrix.unknownTier && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
          {s.grid.unknownTier}
        </p>
      )}
      <ScrollRegion label={s.grid.caption}>
        <table className="w-full min-w-[20rem] border-collapse text-left text-sm">
          <caption className="sr-only">{s.grid.caption}</caption>
          <thead className="bg-gray-100 dark:bg-gray-800">
            <tr>
              <th scope="col" className="p-2 font-semibold sm:p-3">
                {s.grid.audience}
              </th>
              {matrix.tiers.map((tier) => {
                const selected = tier.id === selectedTierId;
                return (
                  <th
                    key={tier.id}
                    scope="col"
                    aria-current={selected ? "true" : undefined}
                    className={`p-2 font-semibold sm:p-3 ${selected ? "bg-indigo-100 text-indigo-950 dark:bg-indigo-900 dark:text-indigo-50" : ""}`}
                  >
                    <span lang={brandLang()}>{tier.title}</span>
                    {selected && <span className="sr-only"> ({s.grid.selected})</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.audience} className="border-t border-gray-200 dark:border-gray-700">
                <th scope="row" className="p-2 align-top font-medium sm:p-3">
                  {audienceLabel(row, segmentName)}
                </th>
                {row.cells.map((cell) => {
                  const detail = cellDetail(cell.visibility);
                  const selected = cell.tier.id === selectedTierId;
                  return (
                    <td
                      key={cell.tier.id}
                      className={`p-2 align-top sm:p-3 ${selected ? "bg-indigo-50 dark:bg-indigo-950" : ""}`}
                    >
                      {/* Its tier would see it, but its dates or Alida keep every member out now. */}
                      {cell.visibility.state === "available" && notNow.length > 0 ? (
                        <span className="inline-flex items-center rounded-full bg-gray-200 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-gray-900 dark:bg-gray-700 dark:text-gray-50">
                          {s.grid.notNow}
                        </span>
                      ) : (
                        <StateBadge state={cell.visibility.state} />
                      )}
                      {detail && <p className="mt-1 text-xs text-gray-700 dark:text-gray-300">{detail}</p>}
                      {cell.visibility.unknownTier && (
                        <p className="mt-1 text-xs text-amber-900 dark:text-amber-200">{s.grid.guess}</p>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
