const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * 0-based line numbers, in the new version of a file, of the lines a unified diff adds. A truncated patch yields
 * the added lines of the hunks it still holds.
 */
export function addedLineNumbers(patch: string): number[] {
  const added: number[] = [];
  let line = -1;
  for (const text of patch.split('\n')) {
    const hunk = HUNK.exec(text);
    if (hunk) {
      line = Number(hunk[1]) - 1;
      continue;
    }
    if (line < 0) continue;
    if (text.startsWith('+')) added.push(line++);
    else if (text.startsWith(' ')) line++;
    // '-' lines and '\ No newline at end of file' do not exist in the new version.
  }
  return added;
}
