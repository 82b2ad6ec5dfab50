import { decodeKeysetCursor, encodeKeysetCursor, type KeysetCursor } from "../db/keyset-cursor.ts";

// The points history's page cursor (db/keyset-cursor.ts): entries are dated by CrowdTwist, which may
// date one before the epoch.

export type HistoryCursor = KeysetCursor;
export const encodeHistoryCursor = encodeKeysetCursor;
export const decodeHistoryCursor = (value: string) => decodeKeysetCursor(value, { beforeEpoch: true });
