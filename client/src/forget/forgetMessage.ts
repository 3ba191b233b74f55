import type { ForgetResult } from '@arenalab/protocol';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What "Forget what was learned from this file" tells the developer, from the server's answer. */
export function forgetMessage(result: ForgetResult, shownName: string): string {
  const removed: string[] = [];
  if (result.sources > 0) removed.push(`the trust learned for ${plural(result.sources, 'place', 'places')}`);
  if (result.outcomes.length > 0) removed.push(plural(result.outcomes.length, 'outcome', 'outcomes'));
  if (removed.length === 0) return `ArenaLab: nothing had been learned from ${shownName}.`;
  return `ArenaLab: forgot ${removed.join(' and ')} from ${shownName}; its code stays indexed.`;
}
