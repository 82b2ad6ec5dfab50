// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import "../../../testing/auto-cleanup.ts";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { activateLocale, addCatalogs } from "../../../lib/i18n/i18n.ts";
import { renderWithClient, stubApi } from "../../../testing/render.tsx";
import { managerCatalogs } from "../catalogs.ts";
import { EMPTY_FILTERS } from "../lib/browse-filters.ts";
import { extendedFixture, lockedPreviewFixture } from "../testing/manager-fixtures.ts";
import { ActivityFacts } from "./activity-facts.tsx";
import { AlidaPanel } from "./alida-panel.tsx";
import { AuditPage } from "./audit-page.tsx";
import { BrowseFiltersForm } from "./browse-filters-form.tsx";
import { LookupForm } from "./lookup-form.tsx";
import { VisibilityGrid } from "./visibility-grid.tsx";

// The manager area in French: every word the portal writes is French, the BFF's own English (for
// operators and logs) never shows, and French typography holds where a label and a value meet
// (a no-break space before the colon) and where reasons are listed.

const NBSP = "\u00a0";
/** Exact text, spaces as they are: testing-library would turn a no-break space into a plain one. */
const exactly = { normalizer: (text: string) => text };

// The area's words are a catalog of their own, added when the area loads (ADR 0031).
beforeAll(async () => {
  await addCatalogs(managerCatalogs);
  await activateLocale("fr");
});
afterAll(() => activateLocale("en"));
beforeEach(() => window.history.replaceState(null, "", "/manage/audit"));

describe("the manager area in French", () => {
  test("a label before its value takes a no-break space before the colon", () => {
    render(
      <AlidaPanel
        panel={{
          state: "linked",
          alidaActivityId: "A-1",
          activity: {
            name: "Fan survey",
            activityType: "Survey",
            status: "open",
            isReady: true,
            hideFromMember: false,
            openedOn: "2026-01-01T09:00:00.000Z",
            closedOn: null,
            alternateId: "111",
          },
          memberEvents: null,
          warnings: [],
        }}
      />,
    );
    expect(screen.getByText(`Nom${NBSP}:`, exactly)).toBeTruthy();
    expect(screen.queryByText("Nom:")).toBeNull();

    const { matrix } = lockedPreviewFixture();
    render(<ActivityFacts preview={{ activity: extendedFixture({ id: "120", dateEnd: null }), matrix }} />);
    expect(screen.getByText(new RegExp(`^Début${NBSP}: `), exactly)).toBeTruthy();
    expect(screen.getByText(`Fin${NBSP}: Pas de date de fin`, exactly)).toBeTruthy();
    // Données (feminine): aucune.
    expect(screen.getByText("Données supplémentaires").nextElementSibling?.textContent).toBe("Aucune");
  });

  test('each filter\'s "any" agrees with its noun (une étiquette, un canal)', () => {
    render(
      <BrowseFiltersForm
        filters={EMPTY_FILTERS}
        options={{ tags: ["Retail"], categories: ["Buy"], channels: ["Survey"] }}
        tiers={[]}
        onChange={() => {}}
        onClear={() => {}}
        canClear={false}
      />,
    );
    const shown = (label: string) =>
      (screen.getByLabelText(label) as HTMLSelectElement).selectedOptions[0]?.textContent;
    expect(shown("Étiquette")).toBe("Toutes les étiquettes");
    expect(shown("Catégorie")).toBe("Toutes les catégories");
    expect(shown("Canal")).toBe("Tous les canaux");
    expect(shown("État")).toBe("Tous les états");
  });

  test("a button that opens says the verb; an activity that is open says the adjective", () => {
    renderWithClient(<LookupForm />);
    expect(screen.getByRole("button", { name: "Ouvrir" })).toBeTruthy();
    const alida = (status: "open" | "closed") => ({
      state: "linked" as const,
      alidaActivityId: "A-1",
      activity: {
        name: null,
        activityType: null,
        status,
        isReady: null,
        hideFromMember: null,
        openedOn: null,
        closedOn: null,
        alternateId: null,
      },
      memberEvents: null,
      warnings: [],
    });
    render(<AlidaPanel panel={alida("open")} />);
    render(<AlidaPanel panel={alida("closed")} />);
    // An Alida activity, feminine: "ouverte", "close".
    expect(screen.getByText("Ouverte")).toBeTruthy();
    expect(screen.getByText("Close")).toBeTruthy();
  });

  test.each([
    ["not_answering", /^La communauté d’études ne répond pas pour le moment/],
    ["not_configured", /^Le portail n’a pas d’accès à Alida/],
  ] as const)("Alida %s: in the portal's words, not the BFF's", (reason, words) => {
    const message = "The research community is not answering right now.";
    render(<AlidaPanel panel={{ state: "unavailable", alidaActivityId: "A-1", reason, message }} />);
    expect(screen.getByText("Alida est indisponible")).toBeTruthy();
    expect(screen.getByText(words)).toBeTruthy();
    expect(screen.queryByText(message)).toBeNull();
  });

  test("reasons no tier can do an activity are listed the French way", () => {
    const preview = {
      ...lockedPreviewFixture(),
      notNow: [
        { kind: "community" as const, block: "closed" as const },
        { kind: "community" as const, block: "hidden" as const },
      ],
    };
    render(<VisibilityGrid preview={preview} selectedTierId={null} />);
    expect(
      screen.getByText(
        `Aucun statut ne peut la réaliser pour le moment${NBSP}: son activité Alida est close et son activité Alida est masquée aux membres.`,
        exactly,
      ),
    ).toBeTruthy();
  });

  test.each([
    [
      "an end before the start",
      "?from=2025-03-05&to=2025-03-01",
      "to",
      "to must be the same day as from or later.",
      "Au (jour)",
      "Le jour de fin doit être le jour de début ou un jour suivant.",
    ],
    [
      "no day",
      "?from=0000-01-01",
      "from",
      "from must be a day written YYYY-MM-DD from the year 1900 on, e.g. 2025-03-01.",
      "Du (jour)",
      "Écrivez le jour sous la forme AAAA-MM-JJ, à partir de l’an 1900, par exemple 2025-03-01.",
    ],
    [
      "too long",
      `?member=${"x".repeat(300)}`,
      "member",
      "member can be at most 255 characters.",
      "Identifiant du membre",
      "255 caractères au plus.",
    ],
    [
      "a control character",
      "?manager=a%01b",
      "manager",
      "manager contains a control character or a broken one; remove it.",
      "Responsable",
      "Retirez le caractère de contrôle ou le caractère invalide.",
    ],
  ])(
    "the audit log's filter, %s: the field's problem in French",
    async (_what, search, path, message, label, words) => {
      window.history.replaceState(null, "", `/manage/audit${search}`);
      stubApi({
        "/api/manager/audit": {
          status: 400,
          body: {
            error: { code: "invalid_audit_filter", message, requestId: "r1", issues: [{ path, message }] },
          },
        },
        "/api/manager/audit/managers": { status: 200, body: { managers: [] } },
      });
      renderWithClient(<AuditPage />);
      const shown = await screen.findByText(words);
      expect(screen.queryByText(message)).toBeNull();
      const field = screen.getByLabelText(label);
      expect(field.getAttribute("aria-invalid")).toBe("true");
      expect(field.getAttribute("aria-describedby")?.split(" ")).toContain(shown.id);
      expect(within(document.body).queryByText(/must be|can be at most|remove it/)).toBeNull();
    },
  );
});
