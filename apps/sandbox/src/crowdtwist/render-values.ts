// Small renderers for the wire formats CrowdTwist uses, and for the places where its responses vary
// from one activity to the next. The sandbox reproduces that variation on purpose, deterministically
// by activity id, so every client code path meets both spellings.

export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** A documented "Decimal": `"3.0"` (text) for even activity ids, `3` (number) for odd ones. */
export function renderDecimal(activityId: number, value: number): number | string {
  if (activityId % 2 !== 0) return value;
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** `points_on_click` is documented as a String holding a boolean: text for every third id, a boolean otherwise. */
export function renderPointsOnClick(activityId: number, value: boolean): boolean | string {
  return activityId % 3 === 0 ? String(value) : value;
}

export interface TagJson {
  tag_id: number;
  tag_name: string;
}

/** The table calls the tags `activity_tag`, the sample `activity_tags`: even ids get the sample's spelling. */
export function renderTags(
  activityId: number,
  tags: TagJson[],
): { activity_tags: TagJson[] } | { activity_tag: TagJson[] } {
  return activityId % 2 === 0 ? { activity_tags: tags } : { activity_tag: tags };
}

/** Seed images are sandbox paths; CrowdTwist sends absolute URLs. */
export function absoluteUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}
