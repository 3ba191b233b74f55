/**
 * `key = value` lines typed in deep analysis (one entry per line, blank lines and `#` comments skipped) as an object,
 * with a problem per line that is not an entry. Keys are checked by the server; this only splits.
 */
export function parseKeyValueLines(text: string): { entries: Record<string, string>; problems: string[] } {
  const pairs: [string, string][] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const colon = line.indexOf(':');
    const at = eq >= 0 && (colon < 0 || eq < colon) ? eq : colon;
    if (at <= 0) {
      problems.push(`line ${index + 1}: expected key = value, got "${line}"`);
      return;
    }
    pairs.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  });
  // fromEntries defines own properties, so a key such as `__proto__` reaches the server (which refuses it by name).
  return { entries: Object.fromEntries(pairs), problems };
}
