// Where the next page of a keyset-paged list starts (the audit log, a member's points history): the
// last entry shown, as (time in microseconds since the epoch, row id). Postgres keeps microseconds
// and a JS Date only milliseconds, so the time travels as an integer count, never through a Date;
// entries in the same millisecond still page apart.

export interface KeysetCursor {
  atMicros: bigint;
  id: bigint;
}

const CURSOR = /^(-?\d{1,17})\.(\d{1,19})$/;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

export function encodeKeysetCursor(cursor: KeysetCursor): string {
  return `${cursor.atMicros}.${cursor.id}`;
}

/**
 * `null` for anything that is not a cursor this server wrote (the route answers 400); a time before
 * the epoch only where the list can hold one (`beforeEpoch`).
 */
export function decodeKeysetCursor(value: string, options: { beforeEpoch: boolean }): KeysetCursor | null {
  const match = CURSOR.exec(value);
  if (!match?.[1] || !match[2]) return null;
  const cursor = { atMicros: BigInt(match[1]), id: BigInt(match[2]) };
  if (match[1].startsWith("-") && !options.beforeEpoch) return null;
  return cursor.id > MAX_BIGINT ? null : cursor;
}
