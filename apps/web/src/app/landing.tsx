import { ServiceStatus } from "../features/status/components/service-status.tsx";

const highlights = [
  {
    title: "Your tier journey",
    text: "Where you stand, what the next tier takes, and how to keep the one you have.",
  },
  { title: "Activities for you", text: "What you can do now, what unlocks at a higher tier, and why." },
  { title: "Bonus campaigns", text: "The points you really earn, with every multiplier and gift counted." },
  { title: "Always current", text: "Your points and tier update live while the page is open." },
];

export function Landing() {
  return (
    <div className="min-h-dvh bg-gray-50 text-gray-900 dark:bg-gray-950 dark:text-gray-100">
      <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-4">
          <p className="text-lg font-bold tracking-tight">Loyalty portal</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-10">
        <h1 tabIndex={-1} className="text-3xl font-bold tracking-tight sm:text-4xl">
          Your rewards, all in one place
        </h1>
        <p className="mt-3 max-w-2xl text-lg text-gray-700 dark:text-gray-300">
          See your tier, the activities open to you and the bonus points each one is really worth.
        </p>
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
      </main>
    </div>
  );
}
