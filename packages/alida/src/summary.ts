import { z } from "zod";
import {
  type AlidaLink,
  caseInsensitiveEnum,
  linkSchema,
  nullableTextSchema,
  timestampSchema,
  withoutNulls,
} from "./upstream-values.ts";

// The activity summary that the activity's "summary" link points to
// (…/c/services/api/v1/tenants/{panelId}/activities/{id}/summary).

export interface AlidaActivitySummary {
  /** The document shows Pending|Open|Closed; normalised to lower case like the activity's status. */
  distributionStatus?: "pending" | "open" | "closed";
  /** Counts per member event (surveyInvited, surveyCompleted, …); `{}` when none were sent. */
  memberEvents: Record<string, number>;
  createDate?: Date | null;
  lastUpdateDate?: Date | null;
  createdBy?: string | null;
  lastUpdatedBy?: string | null;
  links: AlidaLink[];
  href?: string;
}

// Counts are integers; a count sent as a numeric string is accepted rather than failing the page.
const countSchema = z
  .union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)])
  .pipe(z.number().int().min(0));

const wireSummarySchema = z.object({
  distributionStatus: caseInsensitiveEnum(["pending", "open", "closed"]).exactOptional(),
  memberEvents: z.record(z.string(), countSchema).default({}),
  createDate: timestampSchema.exactOptional(),
  lastUpdateDate: timestampSchema.exactOptional(),
  createdBy: nullableTextSchema.exactOptional(),
  lastUpdatedBy: nullableTextSchema.exactOptional(),
  links: z.array(linkSchema).default([]),
  href: z.string().exactOptional(),
});

export const alidaActivitySummarySchema: z.ZodType<AlidaActivitySummary, unknown> = z.preprocess(
  withoutNulls(["distributionStatus", "memberEvents", "links", "href"]),
  wireSummarySchema,
);
