import type { ActivityPreview, PersonaCheck } from "../api/manager-queries.ts";
import { managerMessages as s } from "../messages.ts";
import { ScrollRegion } from "./scroll-region.tsx";
import { StateBadge } from "./state-badge.tsx";

// Our reading of the rule against CrowdTwist's real answer for each tier's preview persona. Every
// disagreement is spelled out above the table, so nobody has to compare columns to find it.

type Props = Pick<ActivityPreview, "personas" | "matrix">;

const tierTitle = (matrix: Props["matrix"], tierId: string) =>
  matrix.tiers.find((tier) => tier.id === tierId)?.title ?? tierId;

export function disagreementText(persona: PersonaCheck, tier: string): string | null {
  if (persona.agrees !== false || persona.observed === null) return null;
  return s.personas.disagreement(persona.observed, persona.userId, tier, persona.expected);
}

export function PersonaChecks({ personas, matrix }: Props) {
  const disagreements = personas
    .map((persona) => disagreementText(persona, tierTitle(matrix, persona.tierId)))
    .filter((text): text is string => text !== null);
  return (
    <div className="space-y-3">
      <h3 className="text-lg font-semibold">{s.personas.heading}</h3>
      <p className="text-sm text-gray-700 dark:text-gray-300">{s.personas.lead}</p>
      {disagreements.length > 0 ? (
        <div className="rounded-xl border-2 border-red-400 bg-red-50 p-4 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-50">
          <p className="flex items-center gap-2 font-semibold">
            <WarningIcon />
            {s.personas.disagreementsTitle(disagreements.length)}
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {disagreements.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ) : (
        personas.some((p) => p.agrees === true) && (
          <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">{s.personas.allAgree}</p>
        )
      )}
      <ScrollRegion label={s.personas.heading}>
        <table className="w-full min-w-[22rem] border-collapse text-left text-sm">
          <thead className="bg-gray-100 dark:bg-gray-800">
            <tr>
              <th scope="col" className="p-2 sm:p-3">
                {s.personas.persona}
              </th>
              <th scope="col" className="p-2 sm:p-3">
                {s.personas.tier}
              </th>
              <th scope="col" className="p-2 sm:p-3">
                {s.personas.expected}
              </th>
              <th scope="col" className="p-2 sm:p-3">
                {s.personas.observed}
              </th>
              <th scope="col" className="p-2 sm:p-3">
                {s.personas.result}
              </th>
            </tr>
          </thead>
          <tbody>
            {personas.map((persona) => (
              <tr key={persona.tierId} className="border-t border-gray-200 dark:border-gray-700">
                <th scope="row" className="p-2 font-medium sm:p-3">
                  {persona.userId}
                </th>
                <td className="p-2 sm:p-3">{tierTitle(matrix, persona.tierId)}</td>
                <td className="p-2 sm:p-3">
                  <span className="flex flex-wrap gap-1">
                    {persona.expected.map((state) => (
                      <StateBadge key={state} state={state} />
                    ))}
                  </span>
                </td>
                <td className="p-2 sm:p-3">
                  <StateBadge state={persona.observed} />
                </td>
                <td className="p-2 sm:p-3">
                  <CheckResult agrees={persona.agrees} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

function CheckResult({ agrees }: { agrees: boolean | null }) {
  if (agrees === null)
    return <span className="text-gray-700 dark:text-gray-300">{s.personas.unavailable}</span>;
  return agrees ? (
    <span className="font-medium text-emerald-900 dark:text-emerald-200">
      <span aria-hidden="true">✓ </span>
      {s.personas.agrees}
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 font-semibold text-red-800 dark:text-red-200">
      <WarningIcon />
      {s.personas.disagrees}
    </span>
  );
}

export function WarningIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4 shrink-0">
      <path
        fillRule="evenodd"
        clipRule="evenodd"
        d="M8.5 2.9a1.7 1.7 0 0 1 3 0l6.3 11.3A1.7 1.7 0 0 1 16.3 17H3.7a1.7 1.7 0 0 1-1.5-2.5L8.5 2.9ZM10 7a1 1 0 0 0-1 1v3a1 1 0 1 0 2 0V8a1 1 0 0 0-1-1Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
      />
    </svg>
  );
}
