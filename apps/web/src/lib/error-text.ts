import { t } from "@lingui/core/macro";
import { ApiError } from "./api-error.ts";
import { TIMEOUT_CODE } from "./fetch-within.ts";

/**
 * What a failed call means to a member, in the portal's language: worded here from the error's code,
 * never the BFF's own (English, operator-facing) message. A code without words reads as a failure
 * on our side; the request id shown beside it lets support find the rest.
 */
export function errorText(error: unknown): string {
  const code = error instanceof ApiError ? error.code : null;
  switch (code) {
    case "unauthenticated":
      return t`Your session has ended. Please sign in again.`;
    case "network_error":
      return t`We couldn't reach the portal. Check your connection and try again.`;
    case TIMEOUT_CODE:
      return t`The portal is taking too long to answer. Check your connection and try again.`;
    case "timeout":
      return t`This is taking longer than it should. Please try again in a moment.`;
    case "rate_limited":
      return t`Too many requests. Please wait a moment, then try again.`;
    case "upstream_unavailable":
      return t`One of our services isn't answering right now. Please try again in a minute.`;
    case "upstream_error":
      return t`One of our services gave an answer we could not use. Please try again later.`;
    case "unavailable":
      return t`The portal cannot reach its storage right now. Please try again in a moment.`;
    case "forbidden":
      return t`This area is for program managers.`;
    default:
      return t`Something went wrong on our side. Please try again.`;
  }
}
