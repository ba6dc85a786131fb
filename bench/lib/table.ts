/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('   ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('   ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** 1234.5 → "1,234.5"; null → "–". */
export function formatNumber(value: number | null, digits = 1): string {
  if (value === null) return '–';
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/** A ratio to 3 significant digits: 0.000231, 1.5, 1,204; null → "–". */
export function formatRatio(value: number | null): string {
  if (value === null) return '–';
  return value.toLocaleString('en-GB', { maximumSignificantDigits: 3 });
}
