import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, createStartedClient } from "./app/app.tsx";
import { activateLocale } from "./lib/i18n/i18n.ts";
import { startingLocale } from "./lib/i18n/locale-choice.ts";
import "./index.css";

/**
 * How long the first render waits for the first answers. Until then index.html's frame ("Loading your
 * rewards…") stays; answers within it are drawn in the first render, without a skeleton drawn, laid
 * out and painted in their way (ADR 0030). Slower answers get the skeleton after it.
 */
const FIRST_RENDER_WAIT_MS = 150;

/** How long the first render waits for another language's catalog before opening in English. */
const LANGUAGE_WAIT_MS = 3_000;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

const { queryClient, answered } = createStartedClient();
// The member's own choice, else the browser's languages. English is in this script; another
// language's catalog is fetched (the BFF's page for it preloads it) while the first answers are on
// their way. Should it fail to load, the portal opens in English rather than not at all.
const language = activateLocale(startingLocale(navigator.languages)).catch(() => activateLocale("en"));
const render = () => {
  // When the app starts drawing: the page preloads the first answers, which may be there before it.
  performance.mark("portal:app-start");
  createRoot(root).render(
    <StrictMode>
      <App client={queryClient} />
    </StrictMode>,
  );
};
// A catalog that arrives after the deadline still switches the page when it lands.
void Promise.all([
  Promise.race([language, delay(LANGUAGE_WAIT_MS)]),
  Promise.race([answered, delay(FIRST_RENDER_WAIT_MS)]),
]).then(render);
