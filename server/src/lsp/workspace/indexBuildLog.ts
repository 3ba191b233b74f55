import type { IndexedInThread, IndexSaveReport } from '../../workspace';

/** The log lines of a finished indexing: where the index came from (and why not from the saved one), counts, times. */
export function describeBuild(built: IndexedInThread, seconds: number): string[] {
  const r = built.report;
  const where = built.thread === 'worker' ? 'on a worker thread' : `on the main thread (${built.threadProblem ?? 'no worker'})`;
  const counts = `${r.kept} unchanged, ${r.reindexed} re-indexed, ${r.added} new, ${r.removed} removed`;
  const ms = `load ${Math.round(r.ms.load)} ms, list ${Math.round(r.ms.list)} ms, index ${Math.round(r.ms.index)} ms, encode ${Math.round(r.ms.encode)} ms`;
  const what = r.source === 'saved' ? `loaded the saved index (${counts})` : `indexed from scratch (${r.why ?? 'no saved index'}; ${r.added} files)`;
  const lines = [`completion index: ${what} in ${seconds.toFixed(2)} s ${where}; ${ms}`];
  if (r.skipped.length > 0) lines.push(`indexing skipped ${r.skipped.length} files, e.g. ${r.skipped.slice(0, 3).map((s) => `${s.path} (${s.reason})`).join(', ')}`);
  return lines;
}

/** The log line of a save: written where, or why not; undefined when there was nothing to write. */
export function describeSave(save: IndexSaveReport, file: string | undefined): string | undefined {
  if (save.problem !== undefined) return `completion index: ${save.problem}`;
  return save.written ? `completion index: saved to ${file ?? '(no store)'} in ${Math.round(save.ms)} ms` : undefined;
}
