// The "Available Fields" table of upstream-docs/alida-v1-activity.txt, typed in from the document:
// the names `?fields=` may refine the answer to. `links` and `href` are in the example response but
// not in the table, so they cannot be asked for by name.

export const ALIDA_ACTIVITY_FIELDS: ReadonlySet<string> = new Set([
  "accessedOn",
  "activityType",
  "alternateId",
  "closedOn",
  "createDate",
  "createdBy",
  "excludeFromParticipation",
  "hideFromMember",
  "id",
  "isReady",
  "lastUpdateDate",
  "lastUpdatedBy",
  "name",
  "openedOn",
  "panelId",
  "projectId",
  "projectType",
  "sourceId",
  "status",
  "statusChangedOn",
  "templateUrl",
]);
