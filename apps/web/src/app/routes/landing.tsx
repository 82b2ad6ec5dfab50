import { t } from "@lingui/core/macro";
import { PageHeading } from "../../components/page-heading.tsx";
import { SignInLink } from "../../features/auth/components/sign-in-link.tsx";
import { ServiceStatus } from "../../features/status/components/service-status.tsx";
import { Layout } from "../layout.tsx";

export function Landing() {
  const highlights = [
    {
      title: t`Your tier journey`,
      text: t`Where you stand, what the next tier takes, and how to keep the one you have.`,
    },
    { title: t`Activities for you`, text: t`What you can do now, what unlocks at a higher tier, and why.` },
    { title: t`Bonus campaigns`, text: t`The points you really earn, bonuses included.` },
    { title: t`Always current`, text: t`Your points and tier update live while the page is open.` },
  ];
  return (
    <Layout actions={<SignInLink className="button-secondary" />}>
      <div className="py-4 sm:py-8">
        <PageHeading className="sm:text-4xl">{t`Your rewards, all in one place`}</PageHeading>
        <p className="mt-3 max-w-2xl text-lg text-gray-700 dark:text-gray-300">{t`See your tier, the activities open to you and the bonus points each one is really worth.`}</p>
        <div className="mt-6 flex flex-wrap items-center gap-4">
          <SignInLink className="button-primary px-6 py-3 text-lg" />
          <p className="text-gray-700 dark:text-gray-300">{t`Sign in with your member account to see your tier and activities.`}</p>
        </div>
      </div>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {highlights.map((item) => (
          <li
            key={item.title}
            className="rounded-xl border border-gray-200 bg-white p-5 dark:border-gray-700 dark:bg-gray-900"
          >
            <h2 className="font-semibold">{item.title}</h2>
            <p className="mt-1 text-gray-700 dark:text-gray-300">{item.text}</p>
          </li>
        ))}
      </ul>
      <div className="mt-8 max-w-md">
        <ServiceStatus />
      </div>
    </Layout>
  );
}
