import { formatInteger } from "../../../lib/format.ts";
import type { AlidaPanelData } from "../api/manager-queries.ts";
import { formatZoned } from "../lib/format-time.ts";
import { managerMessages as s } from "../messages.ts";
import { WarningIcon } from "./persona-checks.tsx";

// The Alida side of an activity: its linked survey or forum, member-event counts, and every place it
// disagrees with CrowdTwist. Alida being down is a state of this panel, never a broken page.

type Linked = Extract<AlidaPanelData, { state: "linked" }>;
type Warning = Linked["warnings"][number];

function warningDetail(warning: Warning): string | null {
  if (warning.kind === "windows_do_not_overlap") {
    const range = (w: { start: string | null; end: string | null }) =>
      s.alida.range(formatZoned(w.start), formatZoned(w.end));
    return s.alida.windowDetail(range(warning.crowdtwist), range(warning.alida));
  }
  return null;
}

const yesNo = (value: boolean | null) => (value === null ? s.alida.notSet : value ? s.alida.yes : s.alida.no);

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="font-medium text-gray-700 dark:text-gray-300">{s.labelled(term)}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function LinkedAlida({ panel }: { panel: Linked }) {
  const { activity, memberEvents, warnings } = panel;
  return (
    <div className="space-y-4">
      <p className="text-sm text-gray-700 dark:text-gray-300">{s.alida.linkedId(panel.alidaActivityId)}</p>
      {warnings.length > 0 ? (
        <div className="rounded-xl border-2 border-red-400 bg-red-50 p-4 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-50">
          <p className="flex items-center gap-2 font-semibold">
            <WarningIcon />
            {s.alida.warningsTitle(warnings.length)}
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {warnings.map((warning) => {
              const detail = warningDetail(warning);
              return (
                <li key={warning.kind}>
                  {s.alida.warnings[warning.kind]}
                  {detail && <span className="block text-sm">{detail}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">
          <span aria-hidden="true">✓ </span>
          {s.alida.consistent}
        </p>
      )}
      <dl className="grid gap-1.5 text-sm">
        <Fact term={s.alida.name}>{activity.name ?? s.alida.notSet}</Fact>
        <Fact term={s.alida.type}>{activity.activityType ?? s.alida.notSet}</Fact>
        <Fact term={s.alida.status}>
          {activity.status ? (s.alida.statuses[activity.status] ?? activity.status) : s.alida.notSet}
        </Fact>
        <Fact term={s.alida.opened}>{formatZoned(activity.openedOn) ?? s.alida.notSet}</Fact>
        <Fact term={s.alida.closed}>{formatZoned(activity.closedOn) ?? s.alida.notSet}</Fact>
        <Fact term={s.alida.isReady}>{yesNo(activity.isReady)}</Fact>
        <Fact term={s.alida.hideFromMember}>{yesNo(activity.hideFromMember)}</Fact>
        <Fact term={s.alida.alternateId}>{activity.alternateId ?? s.alida.notSet}</Fact>
      </dl>
      <div>
        <h3 className="font-semibold">{s.alida.memberEvents}</h3>
        {memberEvents && Object.keys(memberEvents).length > 0 ? (
          <dl className="mt-1 grid gap-1 text-sm">
            {Object.entries(memberEvents).map(([key, count]) => (
              <Fact key={key} term={s.alida.eventName(key)}>
                {formatInteger(count)}
              </Fact>
            ))}
          </dl>
        ) : (
          <p className="mt-1 text-sm text-gray-700 dark:text-gray-300">{s.alida.noMemberEvents}</p>
        )}
      </div>
    </div>
  );
}

function AlidaBody({ panel }: { panel: AlidaPanelData }) {
  switch (panel.state) {
    case "not_linked":
      return (
        <div className="text-sm">
          <p>{s.alida.notLinked}</p>
          <p className="mt-1 text-gray-700 dark:text-gray-300">{s.alida.notLinkedHint}</p>
        </div>
      );
    case "not_found":
      return <p className="text-sm">{s.alida.notFound(panel.alidaActivityId)}</p>;
    case "unavailable":
      return (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
          <p className="font-semibold">{s.alida.unavailable}</p>
          <p className="mt-1">{s.alida.unavailableWhy(panel.reason)}</p>
          <p className="mt-1">{s.alida.linkedId(panel.alidaActivityId)}</p>
        </div>
      );
    case "linked":
      return <LinkedAlida panel={panel} />;
  }
}

export function AlidaPanel({ panel }: { panel: AlidaPanelData }) {
  return (
    <section
      aria-labelledby="alida-heading"
      className="self-start rounded-2xl border border-gray-200 bg-white p-4 sm:p-5 dark:border-gray-700 dark:bg-gray-900"
    >
      <h2 id="alida-heading" className="mb-3 text-xl font-semibold">
        {s.alida.heading}
      </h2>
      <AlidaBody panel={panel} />
    </section>
  );
}
