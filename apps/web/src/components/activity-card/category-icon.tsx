// One inline icon per CrowdTwist category (1 Share, 2 Socialize, 3 Interact, 4 Buy), drawn in the
// current text colour; decorative: the category's name is written on the card.

const PATHS: Record<string, string> = {
  // An arrow leaving a box.
  "1": "M12 3v12M7 8l5-5 5 5M5 13v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6",
  // Two people.
  "2": "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM2 21v-1a6 6 0 0 1 12 0v1M16 3.5a4 4 0 0 1 0 7.5M22 21v-1a6 6 0 0 0-4-5.6",
  // A speech bubble.
  "3": "M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z",
  // A shopping bag.
  "4": "M6 7h12l1 14H5L6 7ZM9 10V6a3 3 0 0 1 6 0v4",
};
// A star, for a category we have no picture for.
const OTHER = "m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.6l6.2-.9L12 3Z";

export function CategoryIcon({ categoryId, className }: { categoryId: string | null; className?: string }) {
  const known = categoryId !== null && categoryId in PATHS ? categoryId : null;
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      data-category-icon={known ?? "other"}
      className={className}
    >
      <path d={(known !== null ? PATHS[known] : undefined) ?? OTHER} />
    </svg>
  );
}
