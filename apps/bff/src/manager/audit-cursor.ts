import { decodeKeysetCursor, encodeKeysetCursor, type KeysetCursor } from "../db/keyset-cursor.ts";

// The audit log's page cursor (db/keyset-cursor.ts): entries are written now, never before the epoch.

export type AuditCursor = KeysetCursor;
export const encodeAuditCursor = encodeKeysetCursor;
export const decodeAuditCursor = (value: string) => decodeKeysetCursor(value, { beforeEpoch: false });
