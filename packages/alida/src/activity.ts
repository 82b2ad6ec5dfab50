import { z } from "zod";
import {
  type AlidaLink,
  booleanSchema,
  caseInsensitiveEnum,
  idSchema,
  linkSchema,
  nullableTextSchema,
  timestampSchema,
  withoutNulls,
} from "./upstream-values.ts";

// GET /v1/applications/{communityApiKeyName}/activities/{id} (Alida v1, upstream-docs/alida-v1-activity.txt).
// Every field is optional: a `fields=` selection returns only some, and some activities lack alternateId.
// Absent means "not returned"; `null` (dates, alternateId, sourceId…) means "returned, none".

/** The field names the document lists for `?fields=`. */
export const ALIDA_ACTIVITY_FIELDS = [
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
] as const;
export type AlidaActivityField = (typeof ALIDA_ACTIVITY_FIELDS)[number];

export const ALIDA_ACTIVITY_TYPES = ["Survey", "Forum", "ExternalActivity", "Sparq1survey"] as const;
/** The documented types, or another string the upstream may add later. */
export type AlidaActivityType = (typeof ALIDA_ACTIVITY_TYPES)[number] | (string & {});

export interface AlidaActivity {
  id?: string;
  sourceId?: string | null;
  activityType?: AlidaActivityType;
  name?: string;
  /** The document shows both "Open" and "open"; normalised to lower case. */
  status?: "open" | "closed";
  statusChangedOn?: Date | null;
  panelId?: string;
  /** The CrowdTwist activity id this one stands for; `null` when the upstream sends none. */
  alternateId?: string | null;
  projectId?: string;
  projectType?: "Research" | "Recruitment" | (string & {});
  excludeFromParticipation?: boolean;
  hideFromMember?: boolean;
  isReady?: boolean;
  /** May lie in the future. */
  openedOn?: Date | null;
  /** May lie in the future; an activity can be re-opened after it closed. */
  closedOn?: Date | null;
  accessedOn?: Date | null;
  templateUrl?: string | null;
  createDate?: Date | null;
  lastUpdateDate?: Date | null;
  createdBy?: string | null;
  lastUpdatedBy?: string | null;
  links?: AlidaLink[];
  href?: string;
  /** The href of the link with rel "summary", when the response carried one. */
  summaryHref?: string;
}

/** Keys that are not `fields=` names but may come along with any selection. */
export type AlidaActivityLinkKey = "links" | "href" | "summaryHref";

/** What `getActivity(id, { fields })` returns: the selected fields, plus the links if sent. */
export type AlidaActivitySelection<F extends readonly AlidaActivityField[]> = Pick<
  AlidaActivity,
  F[number] | AlidaActivityLinkKey
>;

const KNOWN_TYPES = new Map(ALIDA_ACTIVITY_TYPES.map((type) => [type.toLowerCase(), type]));
const KNOWN_PROJECT_TYPES = new Map(["Research", "Recruitment"].map((type) => [type.toLowerCase(), type]));

const activityTypeSchema = z
  .string()
  .trim()
  .transform((value): AlidaActivityType => KNOWN_TYPES.get(value.toLowerCase()) ?? value);
const projectTypeSchema = z
  .string()
  .trim()
  .transform((value) => KNOWN_PROJECT_TYPES.get(value.toLowerCase()) ?? value);

// Null on these means nothing more than "not sent"; the others keep null as "none".
const NULL_MEANS_ABSENT = [
  "id",
  "activityType",
  "name",
  "status",
  "panelId",
  "projectId",
  "projectType",
  "excludeFromParticipation",
  "hideFromMember",
  "isReady",
  "links",
  "href",
];

const wireActivitySchema = z.object({
  id: idSchema.exactOptional(),
  sourceId: nullableTextSchema.exactOptional(),
  activityType: activityTypeSchema.exactOptional(),
  name: z.string().exactOptional(),
  status: caseInsensitiveEnum(["open", "closed"]).exactOptional(),
  statusChangedOn: timestampSchema.exactOptional(),
  panelId: idSchema.exactOptional(),
  alternateId: nullableTextSchema.exactOptional(),
  projectId: idSchema.exactOptional(),
  projectType: projectTypeSchema.exactOptional(),
  excludeFromParticipation: booleanSchema.exactOptional(),
  hideFromMember: booleanSchema.exactOptional(),
  isReady: booleanSchema.exactOptional(),
  openedOn: timestampSchema.exactOptional(),
  closedOn: timestampSchema.exactOptional(),
  accessedOn: timestampSchema.exactOptional(),
  templateUrl: nullableTextSchema.exactOptional(),
  createDate: timestampSchema.exactOptional(),
  lastUpdateDate: timestampSchema.exactOptional(),
  createdBy: nullableTextSchema.exactOptional(),
  lastUpdatedBy: nullableTextSchema.exactOptional(),
  links: z.array(linkSchema).exactOptional(),
  href: z.string().exactOptional(),
});

export const alidaActivitySchema: z.ZodType<AlidaActivity, unknown> = z
  .preprocess(withoutNulls(NULL_MEANS_ABSENT), wireActivitySchema)
  .transform((activity): AlidaActivity => {
    const summaryHref = activity.links?.find((link) => link.rel.toLowerCase() === "summary")?.href;
    return summaryHref === undefined ? activity : { ...activity, summaryHref };
  });
