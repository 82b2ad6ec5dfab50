import { strings } from "../../../config/strings.ts";
import { useSignOut } from "../api/use-sign-out.ts";

export function SignOutButton() {
  const signOut = useSignOut();
  // Stays "signing out" after success too: the page is about to leave for the provider.
  const busy = signOut.isPending || signOut.isSuccess;
  return (
    <div className="flex items-center gap-2">
      {signOut.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {strings.errors.signOutFailed}
        </p>
      )}
      <button type="button" className="button-secondary" disabled={busy} onClick={() => signOut.mutate()}>
        {busy ? strings.header.signingOut : strings.header.signOut}
      </button>
    </div>
  );
}
