import { PageHeading } from "../../components/page-heading.tsx";
import { strings } from "../../config/strings.ts";
import { SignInLink } from "../../features/auth/components/sign-in-link.tsx";
import { ServiceStatus } from "../../features/status/components/service-status.tsx";
import { Layout } from "../layout.tsx";

export function Landing() {
  return (
    <Layout actions={<SignInLink className="button-secondary" />}>
      <div className="py-4 sm:py-8">
        <PageHeading className="sm:text-4xl">{strings.landing.title}</PageHeading>
        <p className="mt-3 max-w-2xl text-lg text-gray-700 dark:text-gray-300">{strings.landing.lead}</p>
        <div className="mt-6 flex flex-wrap items-center gap-4">
          <SignInLink className="button-primary px-6 py-3 text-lg" />
          <p className="text-gray-700 dark:text-gray-300">{strings.landing.signInHint}</p>
        </div>
      </div>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {strings.landing.highlights.map((item) => (
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
