import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, createStartedClient } from "./app/app.tsx";
import "./index.css";

/**
 * How long the first render waits for the first answers. Until then index.html's frame ("Loading your
 * rewards…") stays; answers within it are drawn in the first render, without a skeleton drawn, laid
 * out and painted in their way (ADR 0030). Slower answers get the skeleton after it.
 */
const FIRST_RENDER_WAIT_MS = 150;

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

const { queryClient, answered } = createStartedClient();
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App client={queryClient} />
    </StrictMode>,
  );
void Promise.race([answered, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(
  render,
);
