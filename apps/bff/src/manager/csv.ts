// CSV as RFC 4180 writes it, safe to open in a spreadsheet: a cell that a spreadsheet would run as a
// formula (it starts with =, +, -, @, or a tab or carriage return that hides one) gets a leading
// apostrophe, so it is shown as the text it is (OWASP's "CSV injection"). Text is kept whole otherwise.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | null): string {
  if (value === null || value === "") return "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(cells: readonly (string | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
