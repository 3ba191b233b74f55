/**
 * What kind of completion a candidate is, for calibration: the same raw score means different odds when the line
 * is empty (next line), when part of it is typed (mid-line: the rest is constrained by what is there), and when
 * several lines are proposed at once (block: all of them must be right).
 */
export type CompletionMode = 'next-line' | 'mid-line' | 'block';

export const COMPLETION_MODES: readonly CompletionMode[] = ['next-line', 'mid-line', 'block'];

/** The mode of a candidate `text` proposed after `typed` (what is typed on the cursor's line before it). */
export function completionModeOf(typed: string, text: string): CompletionMode {
  if (/\r?\n/.test(text.trimEnd())) return 'block';
  return typed.trim() === '' ? 'next-line' : 'mid-line';
}
