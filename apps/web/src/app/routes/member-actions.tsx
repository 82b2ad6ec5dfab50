import { t } from "@lingui/core/macro";
import { SignOutButton } from "../../features/auth/components/sign-out-button.tsx";
import type { Me } from "../../features/member/api/me-query.ts";
import { Link } from "../../lib/router.tsx";

/** The signed-in header: who, the manager area for managers, sign out. */
export function MemberActions({ me }: { me: Me }) {
  const name = me.user.name;
  return (
    <>
      {me.user.isManager && (
        <Link
          to="/manage"
          className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          {t`Program manager preview`}
        </Link>
      )}
      {name && (
        <p className="hidden text-sm text-gray-700 sm:block dark:text-gray-300">{t`Signed in as ${name}`}</p>
      )}
      <SignOutButton />
    </>
  );
}
