import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api-client.ts";
import { call, toApiError } from "../../../lib/api-error.ts";

/**
 * Ends the portal session, then leaves for the identity provider's sign-out, which comes back to the
 * portal's "You're signed out" page (`/signed-out`) without asking again.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: async () => {
      const response = await call(() => api.api.auth.logout.$post());
      if (!response.ok) throw await toApiError(response);
      return response.json();
    },
    onSuccess: ({ logoutUrl }) => {
      window.location.assign(logoutUrl);
    },
  });
}
