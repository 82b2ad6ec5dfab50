// CSV as RFC 4180 writes it, safe to open in a spreadsheet: text a spreadsheet would run as a formula
// (=, +, -, @, after any white space) gets an apostrophe before it, so it is shown as the text it is
// (OWASP's "CSV injection"). Not only at the start of the cell: a spreadsheet may also start a cell
// after a ";" (the list separator of many locales, where Excel splits on it), a tab or a line break
// inside our cell, so every such start is neutralised; ";" and tab also force quotes. Text is kept
// whole otherwise.

const FORMULA_STARTS = /(^|[;\t\r\n])(\s*)([=+\-@])/g;
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function csvCell(value: string | null): string {
  if (value === null || value === "") return "";
  const safe = value.replace(FORMULA_STARTS, "$1$2'$3");
  return NEEDS_QUOTES.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(cells: readonly (string | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
