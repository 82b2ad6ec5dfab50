import { strings } from "../../config/strings.ts";

export const categoryName = (id: string | null) =>
  (id !== null ? strings.activities.categories[id] : undefined) ?? strings.activities.otherCategory;
