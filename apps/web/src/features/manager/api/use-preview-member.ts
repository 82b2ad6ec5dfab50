import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { InferRequestType, InferResponseType } from "hono/client";
import { apiJson } from "../../../lib/api-call.ts";
import { api } from "../../../lib/api-client.ts";
import { managerKeys } from "./manager-queries.ts";

const endpoint = api.api.manager["preview-member"];

export type PreviewMemberInput = InferRequestType<typeof endpoint.$post>["json"];
export type MemberPreview = InferResponseType<typeof endpoint.$post, 200>;

/** A read-only look at a member's portal. The BFF writes the audit entry before it answers. */
export function usePreviewMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PreviewMemberInput): Promise<MemberPreview> =>
      apiJson(() => endpoint.$post({ json: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerKeys.audit() }),
  });
}
