import { expect, test } from "vitest";
import { frequencyText } from "./activity-facts.tsx";

test.each([
  [null, ["No limit"]],
  [{ cap: 1, periodId: "2", periodName: null, requiredAttempts: null }, ["Once per calendar day"]],
  [{ cap: 3, periodId: "4", periodName: null, requiredAttempts: null }, ["Up to 3 times per calendar week"]],
  [{ cap: 1, periodId: "5", periodName: "Lifetime", requiredAttempts: null }, ["Once per member, ever"]],
  [
    { cap: 1, periodId: "6", periodName: null, requiredAttempts: 5 },
    ["Once per calendar month", "5 completions before points are awarded"],
  ],
  [{ cap: 2, periodId: "77", periodName: "Fortnight", requiredAttempts: 1 }, ["Twice per fortnight"]],
])("%o in words", (frequency, lines) => {
  expect(frequencyText(frequency)).toEqual(lines);
});
