// Concurrent identical calls share one in-flight promise: when a hundred tabs of one member (or a
// burst after a deploy) ask for the same thing, the upstream sees one request. Nothing is kept once
// the promise settles — caching is the SWR cache's job, not this one's.

export interface SingleFlightOptions {
  /** Told about every call that joined an existing flight (for the joins metric). */
  onJoin?: ((key: string) => void) | undefined;
}

export interface SingleFlight<T> {
  /** Runs `fn` unless a call with the same key is in flight; then returns that call's promise. */
  run(key: string, fn: () => Promise<T>): Promise<T>;
  has(key: string): boolean;
  /** The running call for `key` goes on, but later calls no longer join it (its answer is outdated). */
  detach(key: string): void;
  /** Resolves once every flight running now has settled (used for shutdown and tests). */
  idle(): Promise<void>;
  readonly joins: number;
}

export function createSingleFlight<T>(options: SingleFlightOptions = {}): SingleFlight<T> {
  const flights = new Map<string, Promise<T>>();
  let joins = 0;

  return {
    run(key, fn) {
      const running = flights.get(key);
      if (running) {
        joins += 1;
        options.onJoin?.(key);
        return running;
      }
      // Started a microtask later so the flight is registered before `fn` can settle, even if it
      // throws synchronously; otherwise a settled promise could stay in the map for good.
      const flight: Promise<T> = Promise.resolve()
        .then(fn)
        .finally(() => {
          if (flights.get(key) === flight) flights.delete(key);
        });
      flights.set(key, flight);
      return flight;
    },
    has: (key) => flights.has(key),
    detach: (key) => void flights.delete(key),
    async idle() {
      await Promise.allSettled([...flights.values()]);
    },
    get joins() {
      return joins;
    },
  };
}
