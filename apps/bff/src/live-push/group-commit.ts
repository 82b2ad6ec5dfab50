// Group commit: items submitted while a write is in flight are collected and written together by
// the next write — one statement, one commit, one fsync — so throughput follows the load instead of
// paying a round trip and a commit per item. An item alone is written at once (in the next turn of
// the event loop, so that items arriving in the same turn go together): nothing waits for a timer.
//
// Each item still gets its own answer:
// - Items with the same key are never in one write, and an item waits while an earlier one with its
//   key is being written: per key, writes happen in submission order, as if one at a time.
// - A write of several items that fails is not the answer of any of them (one bad item, a deadlock
//   with another instance, a connection lost mid-statement): each is then written alone, and answered
//   with its own result or its own error. A write that fails alone rejects that item only.

export interface GroupCommitOptions<I, O> {
  keyOf(item: I): string;
  /** Writes distinct-keyed items atomically; answers in the items' order, or throws having written none. */
  write(items: readonly I[]): Promise<O[]>;
  /** Most items in one write. */
  maxBatch?: number;
  /** Writes in flight at once (each on its own pooled connection). */
  maxInFlight?: number;
}

interface Pending<I, O> {
  item: I;
  key: string;
  resolve(outcome: O): void;
  reject(error: unknown): void;
}

export interface GroupCommit<I, O> {
  submit(item: I): Promise<O>;
}

export function createGroupCommit<I, O>(options: GroupCommitOptions<I, O>): GroupCommit<I, O> {
  const maxBatch = options.maxBatch ?? 200;
  const maxInFlight = options.maxInFlight ?? 1;
  let queue: Pending<I, O>[] = [];
  /** Keys being written now: their later items wait, to keep each key's order. */
  const writing = new Set<string>();
  let inFlight = 0;
  let scheduled = false;

  /** The next batch: the oldest item of each key not being written, in submission order. */
  function take(): Pending<I, O>[] {
    const batch: Pending<I, O>[] = [];
    const rest: Pending<I, O>[] = [];
    const taken = new Set<string>();
    for (const pending of queue) {
      // A key seen once (taken or left) keeps all its later items behind it.
      if (batch.length < maxBatch && !taken.has(pending.key) && !writing.has(pending.key))
        batch.push(pending);
      else rest.push(pending);
      taken.add(pending.key);
    }
    queue = rest;
    return batch;
  }

  function pump() {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = take();
      if (batch.length === 0) return;
      inFlight += 1;
      for (const pending of batch) writing.add(pending.key);
      void write(batch);
    }
  }

  /** The batch is written (or given up): its keys are free and the next write may start. */
  function done(batch: Pending<I, O>[]) {
    inFlight -= 1;
    for (const pending of batch) writing.delete(pending.key);
    pump();
  }

  async function write(batch: Pending<I, O>[]): Promise<void> {
    let outcomes: O[];
    try {
      outcomes = await options.write(batch.map((pending) => pending.item));
    } catch (error) {
      if (batch.length > 1) {
        // Written none of them: each alone now, so one item's failure is its own answer only.
        await Promise.all(
          batch.map((pending) =>
            options.write([pending.item]).then((alone) => settle([pending], alone), pending.reject),
          ),
        );
      } else batch[0]?.reject(error);
      done(batch);
      return;
    }
    // The next write goes to the database before these answers are sent, so the two overlap. It is
    // committed after this one, so each key's order holds.
    done(batch);
    settle(batch, outcomes);
  }

  function settle(batch: Pending<I, O>[], outcomes: O[]) {
    if (outcomes.length !== batch.length) {
      const error = new Error(`a write answered ${outcomes.length} outcomes for ${batch.length} items`);
      for (const pending of batch) pending.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => {
      batch[i]?.resolve(outcome);
    });
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, key: options.keyOf(item), resolve, reject });
        if (!scheduled && inFlight < maxInFlight) {
          scheduled = true;
          setImmediate(pump);
        }
      });
    },
  };
}
