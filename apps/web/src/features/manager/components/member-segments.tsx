import type { MemberPreview } from "../api/use-preview-member.ts";
import { formatZoned } from "../lib/format-time.ts";
import { managerMessages as s } from "../messages.ts";
import { ScrollRegion } from "./scroll-region.tsx";

// The previewed member's segments and groups as the User Segmentation feed recorded them: in or out,
// since when, and what moved them. Managers only: members never see segment names as such.

export type MemberSegment = NonNullable<MemberPreview["segments"]>[number];

const CELL = "p-2 sm:p-3";

export function MemberSegments({ segments }: { segments: readonly MemberSegment[] }) {
  return (
    // A plain block: the table's scrolling frame is the region (named like the heading).
    <div className="space-y-2">
      <h3 className="text-lg font-semibold">{s.segments.heading}</h3>
      <p className="text-sm text-gray-700 dark:text-gray-300">{s.segments.lead}</p>
      {segments.length === 0 ? (
        <p>{s.segments.none}</p>
      ) : (
        <ScrollRegion label={s.segments.heading}>
          <table className="w-full min-w-[28rem] border-collapse text-left text-sm">
            <thead className="bg-gray-100 dark:bg-gray-800">
              <tr>
                <th scope="col" className={CELL}>
                  {s.segments.name}
                </th>
                <th scope="col" className={CELL}>
                  {s.segments.type}
                </th>
                <th scope="col" className={CELL}>
                  {s.segments.state}
                </th>
                <th scope="col" className={CELL}>
                  {s.segments.trigger}
                </th>
              </tr>
            </thead>
            <tbody>
              {segments.map((segment) => {
                const when = formatZoned(segment.since) ?? segment.since;
                return (
                  <tr
                    key={`${segment.type}-${segment.subscriptionId}`}
                    className="border-t border-gray-200 dark:border-gray-700"
                  >
                    <th scope="row" className={`${CELL} font-medium`}>
                      {segment.name ?? s.segments.unnamed(segment.subscriptionId)}
                    </th>
                    <td className={CELL}>{s.segments.types[segment.type] ?? segment.type}</td>
                    <td className={CELL}>
                      <time dateTime={segment.since}>
                        {segment.member ? s.segments.inSince(when) : s.segments.leftOn(when)}
                      </time>
                    </td>
                    <td className={CELL}>
                      {(segment.trigger && s.segments.triggers[segment.trigger.replaceAll(" ", "_")]) ??
                        segment.trigger ??
                        s.segments.unknownTrigger}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
