// @vitest-environment jsdom
import "../testing/auto-cleanup.ts";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, describe, expect, test, vi } from "vitest";
import { activateLocale, i18n } from "../lib/i18n/i18n.ts";
import { meFixture } from "../testing/fixtures.ts";
import { stubApi } from "../testing/render.tsx";
import { App } from "./app.tsx";

// The manager area's words come in a catalog of their own, fetched alongside the area's chunk
// (routes/manage-route.tsx); either may arrive first. Its words must be the catalog's whatever the
// order, and follow every language chosen after it opened. (In tests a missing message falls back to
// its English; the shipped build has no English in the chunk and would show the message's id.)

/** The manager catalogs, held back until the test lets them arrive. */
const catalogsHeld = vi.hoisted(() => {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return { arrived, arrive };
});

vi.mock("../features/manager/catalogs.ts", async (importOriginal) => {
  const { managerCatalogs } = await importOriginal<typeof import("../features/manager/catalogs.ts")>();
  return {
    managerCatalogs: {
      en: () => catalogsHeld.arrived.then(managerCatalogs.en),
      fr: () => catalogsHeld.arrived.then(managerCatalogs.fr),
    },
  };
});

afterAll(() => activateLocale("en"));

function openAsManager() {
  window.history.replaceState(null, "", "/manage");
  const manager = meFixture(null);
  manager.user = { ...manager.user, roles: ["program_manager"], isManager: true };
  stubApi({ "/api/me": { status: 200, body: manager } });
  render(<App />);
}

async function navLinks(name: string) {
  const nav = await screen.findByRole("navigation", { name });
  return within(nav)
    .getAllByRole("link")
    .map((link) => link.textContent);
}

const FRENCH = ["Trouver des activités", "Voir comme un membre", "Journal d’audit"];
const ENGLISH = ["Find activities", "Preview as a member", "Audit log"];

describe("the manager area's words", () => {
  test("are its catalog's when the area's chunk runs before its catalog arrives", async () => {
    await activateLocale("fr");
    openAsManager();
    // The chunk has arrived and run (a busy machine, a slow catalog request); the catalog has not.
    // No module of the chunk asks for a word as it runs: none could be there yet.
    const missing: string[] = [];
    const stopListening = i18n.on("missing", ({ id }) => missing.push(id));
    await import("../features/manager/components/manager-preview.tsx");
    stopListening();
    expect(missing).toEqual([]);
    catalogsHeld.arrive();
    expect(await navLinks("Responsable du programme")).toEqual(FRENCH);
  });

  test("follow the language chosen after the area opened", async () => {
    const user = userEvent.setup();
    openAsManager();
    expect(await navLinks("Responsable du programme")).toEqual(FRENCH);
    await user.selectOptions(screen.getByLabelText("Langue"), "en");
    expect(await navLinks("Program manager")).toEqual(ENGLISH);
    await user.selectOptions(screen.getByLabelText("Language"), "fr");
    expect(await navLinks("Responsable du programme")).toEqual(FRENCH);
  });
});
