import { t } from "@lingui/core/macro";
import { useSignOut } from "../api/use-sign-out.ts";

export function SignOutButton() {
  const signOut = useSignOut();
  // Stays "signing out" after success too: the page is about to leave for the provider.
  const busy = signOut.isPending || signOut.isSuccess;
  return (
    <div className="flex items-center gap-2">
      {signOut.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {t`Signing out didn't work. Please try again.`}
        </p>
      )}
      <button type="button" className="button-secondary" disabled={busy} onClick={() => signOut.mutate()}>
        {busy ? t`Signing out…` : t`Sign out`}
      </button>
    </div>
  );
}
