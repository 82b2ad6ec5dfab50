// CrowdTwist's documents write their dates with a zone ("2017-03-23T19:00:00Z"), but nothing stops
// a payload from leaving it off, and JavaScript reads a date-time without a zone in the server's
// local time: the same push would mean different instants on differently configured servers. A
// date without a zone is read as UTC, the zone every sample in the documents uses.

const DATE_TIME_WITHOUT_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/i;

/** An ISO 8601 date or date-time as a Date; zone-less values are UTC. Invalid text → Invalid Date. */
export function parseUtcDate(text: string): Date {
  const trimmed = text.trim();
  const zoneless = DATE_TIME_WITHOUT_ZONE.exec(trimmed);
  return new Date(zoneless ? `${zoneless[1]}T${zoneless[2]}Z` : trimmed);
}
