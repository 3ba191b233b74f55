/** How much text around the cursor the candidate check parses. */
export interface CursorWindowConfig {
  /**
   * Lines of the prefix kept before the cursor (the cursor's own partial line included).
   * Bounds: ≥ 1. @default 60
   */
  prefixLines?: number;
  /**
   * Lines of the suffix kept after the cursor (the rest of the cursor's line included).
   * Bounds: ≥ 1. @default 30
   */
  suffixLines?: number;
}

export const DEFAULT_CURSOR_WINDOW_CONFIG: Required<CursorWindowConfig> = {
  prefixLines: 60,
  suffixLines: 30,
};

export interface CursorWindow {
  prefix: string;
  suffix: string;
}

/**
 * The last `prefixLines` lines of the prefix and the first `suffixLines` lines of the suffix. Costs time in the size
 * of the window, not of the file: it scans from the cursor outwards and never splits the whole text.
 */
export function cursorWindow(prefix: string, suffix: string, config: CursorWindowConfig = {}): CursorWindow {
  const { prefixLines, suffixLines } = { ...DEFAULT_CURSOR_WINDOW_CONFIG, ...config };
  if (!(prefixLines >= 1) || !(suffixLines >= 1)) {
    throw new TypeError(`Window line counts must be at least 1 (got prefixLines ${prefixLines}, suffixLines ${suffixLines}).`);
  }
  // `cut` ends on the line break before the kept lines, or -1 when every prefix line is kept.
  let cut = prefix.length;
  for (let kept = 0; kept < prefixLines && cut !== -1; kept++) cut = cut > 0 ? prefix.lastIndexOf('\n', cut - 1) : -1;
  let end = -1;
  for (let kept = 0; kept < suffixLines; kept++) {
    end = suffix.indexOf('\n', end + 1);
    if (end === -1) break;
  }
  return {
    prefix: prefix.slice(cut + 1),
    suffix: end === -1 ? suffix : suffix.slice(0, end),
  };
}
