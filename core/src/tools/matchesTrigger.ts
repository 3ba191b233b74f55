import type { ToolTrigger } from './tool';

// The characters `.` does not match: a `then` trigger looks for its second part on the same line, as `a.*b` would.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Whether a trigger matches a text. A two-part trigger (`pattern`, then `then` later on the same line) is two linear
 * scans per line, where the single pattern `a.*b` would be retried from every occurrence of `a` to the end of the
 * line: quadratic in the length of the line. Only the first `a` of a line needs looking at, since it leaves the most
 * text after it.
 */
export function matchesTrigger(trigger: ToolTrigger, text: string): boolean {
  if (trigger.then === undefined) return trigger.pattern.test(text);
  const first = nonGlobal(trigger.pattern);
  const then = nonGlobal(trigger.then);
  for (const line of text.split(LINE_BREAK)) {
    const found = first.exec(line);
    if (found && then.test(line.slice(found.index + found[0].length))) return true;
  }
  return false;
}

/** A global or sticky pattern keeps `lastIndex` between calls; routing wants a fresh scan each time. */
function nonGlobal(pattern: RegExp): RegExp {
  return pattern.global || pattern.sticky ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')) : pattern;
}
