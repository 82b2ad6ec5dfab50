import { useMutation } from "@tanstack/react-query";
import { apiJson } from "../../../lib/api-call.ts";
import { api } from "../../../lib/api-client.ts";

/**
 * Ends the portal session, then leaves for the identity provider's sign-out, which comes back to the
 * portal's "You're signed out" page (`/signed-out`) without asking again.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: () => apiJson(() => api.api.auth.logout.$post()),
    onSuccess: ({ logoutUrl }) => {
      window.location.assign(logoutUrl);
    },
  });
}
