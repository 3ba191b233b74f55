/** Prints a command result: one JSON document on stdout for `--json`, human text otherwise. */
export function printResult<T>(result: T, json: boolean, human: (value: T) => string): void {
  if (json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    process.stdout.write(human(result).replace(/\n?$/, '\n'));
  }
}

/** Right-pads cells into aligned columns for human output. */
export function table(rows: readonly (readonly (string | number)[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell).length)));
  return rows
    .map((row) => row.map((cell, i) => (typeof cell === 'number' ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  ').trimEnd())
    .join('\n');
}
