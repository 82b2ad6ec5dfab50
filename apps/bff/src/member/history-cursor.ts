// Where the next page of a member's points history starts: the last entry shown, as (time in
// microseconds since the epoch, our row id). Postgres keeps microseconds and a JS Date only
// milliseconds, so the time travels as an integer count, never through a Date (as the audit log's
// cursor does); entries in the same millisecond still page apart.

export interface HistoryCursor {
  atMicros: bigint;
  id: bigint;
}

const CURSOR = /^(-?\d{1,17})\.(\d{1,19})$/;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

export function encodeHistoryCursor(cursor: HistoryCursor): string {
  return `${cursor.atMicros}.${cursor.id}`;
}

/** `null` for anything that is not a cursor this server wrote (the route answers 400). */
export function decodeHistoryCursor(value: string): HistoryCursor | null {
  const match = CURSOR.exec(value);
  if (!match?.[1] || !match[2]) return null;
  const cursor = { atMicros: BigInt(match[1]), id: BigInt(match[2]) };
  return cursor.id > MAX_BIGINT ? null : cursor;
}
