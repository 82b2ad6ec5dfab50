import type { Agent } from "@portal/sandbox/testing/agent";

// A Server-Sent Events reader for integration tests: opens a stream as a signed-in agent, collects
// the events as they arrive, and waits for one with a deadline (never forever).

export interface StreamEvent {
  id: string;
  event: string;
  data: string;
}

export interface EventStream {
  status: number;
  events(): StreamEvent[];
  /** The first event at or after `from` (an index into `events()`), within `timeoutMs`. */
  waitFor(from: number, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
}

function parse(text: string): StreamEvent[] {
  return text
    .split("\n\n")
    .filter((block) => block.includes("event: "))
    .map((block) => {
      const lines = block.split("\n");
      const field = (name: string) =>
        lines
          .filter((line) => line.startsWith(`${name}: `))
          .map((line) => line.slice(name.length + 2))
          .join("\n");
      return { id: field("id"), event: field("event"), data: field("data") };
    });
}

export async function openEventStream(
  agent: Agent,
  options: { path?: string; lastEventId?: string } = {},
): Promise<EventStream> {
  const controller = new AbortController();
  const cookie = [...agent.cookies.values()].map((c) => `${c.name}=${c.value}`).join("; ");
  const response = await fetch(new URL(options.path ?? "/api/me/events", agent.origin), {
    headers: { cookie, ...(options.lastEventId ? { "last-event-id": options.lastEventId } : {}) },
    signal: controller.signal,
  });
  let text = "";
  const waiter: { wake: (() => void) | null } = { wake: null };
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body ?? []) {
      text += decoder.decode(chunk, { stream: true });
      waiter.wake?.();
    }
  })().catch(() => {
    // aborted by close(), or the server ended the stream: what arrived stays readable
  });
  return {
    status: response.status,
    events: () => parse(text),
    async waitFor(from, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = parse(text)[from];
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event #${from} within ${timeoutMs} ms; received: ${text}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiter.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    close() {
      controller.abort();
      void reading;
    },
  };
}
