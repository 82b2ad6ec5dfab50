// The benchmark's one output: a table of figures with their budget and PASS/MISS, then notes.

export interface Row {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  budget: string;
  /** null for an informational row. */
  pass: boolean | null;
}

export function printTable(rows: Row[], options: { title: string; notes: string[] }): void {
  const header: Row = {
    figure: "figure",
    value: "measured",
    baseline: "baseline (same run)",
    ratio: "ratio",
    budget: "budget",
    pass: null,
  };
  const cells = (row: Row, verdict: string) => [
    row.figure,
    row.value,
    row.baseline,
    row.ratio,
    row.budget,
    verdict,
  ];
  const verdict = (row: Row) => (row.pass === null ? "" : row.pass ? "PASS" : "MISS <<<<<<");
  const table = [cells(header, "verdict"), ...rows.map((row) => cells(row, verdict(row)))];
  const widths = table[0]?.map((_, col) => Math.max(...table.map((line) => line[col]?.length ?? 0))) ?? [];
  const line = (values: string[]) => values.map((v, col) => v.padEnd(widths[col] ?? 0)).join(" │ ");
  const rule = widths.map((w) => "─".repeat(w)).join("─┼─");
  const out = [`\n${options.title}`, line(table[0] ?? []), rule, ...table.slice(1).map(line), ""];
  const misses = rows.filter((row) => row.pass === false);
  out.push(
    misses.length === 0
      ? "ALL BUDGETS PASS"
      : `MISS: ${misses.length} budget(s) not met: ${misses.map((r) => r.figure.trim()).join("; ")}`,
  );
  out.push("", ...options.notes.map((note) => `- ${note}`), "");
  process.stdout.write(`${out.join("\n")}\n`);
}
