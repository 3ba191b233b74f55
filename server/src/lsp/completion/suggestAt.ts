import type { CompletionCandidate } from '@arenalab/core';
import type { NoSuggestionParams } from '@arenalab/protocol';
import type { CancellationToken, Position } from 'vscode-languageserver/node';
import { languageForPath } from '../../workspace';
import { enabledFor } from '../settings/clientSettings';
import { documentProblem } from '../workspace/documentProblem';
import { isTooLarge } from '../workspace/openDocuments';
import type { LspContext } from '../lspContext';
import { RequestBudget } from './requestBudget';
import { showThreshold } from './showThreshold';
import type { ShownSuggestion } from './suggestionMemory';

/** Cuts a suggestion to the first `maxLines` lines; the range it replaces is on the cursor's line and stays valid. */
function withMaxLines(candidate: CompletionCandidate, maxLines: number): CompletionCandidate {
  const lines = candidate.text.split('\n');
  return lines.length <= maxLines ? candidate : { ...candidate, text: lines.slice(0, maxLines).join('\n') };
}

const NEVER: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

/**
 * The engine's pause between search phases: setImmediate runs after the event loop has read pending input, and the
 * JSON-RPC reader applies a `$/cancelRequest` as soon as it reads it, so a cancel already sent is seen at the next
 * phase (a setTimeout pause could fire before the input is read, and costs a millisecond or more each time).
 */
const pauseForInput = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The engine's suggestions at a position of an open document, each remembered under a fresh id. The engine pauses
 * between its search phases so cancellation and edits arriving meanwhile are seen: a cancelled request stops
 * (CancelledError, answered empty by the guard), and a request whose document changed meanwhile answers empty, since
 * an answer for an older text would be wrong where it is shown. When the time budget runs out the engine ranks
 * what it has found so far, so the answer is never late. The completion service's constitution withholds any
 * suggestion that breaks a hard principle (a secret, content of an excluded file, harm, a remembered violation).
 */
export async function suggestAt(ctx: LspContext, uri: string, position: Position, token: CancellationToken = NEVER): Promise<ShownSuggestion[]> {
  return (await suggestWithReason(ctx, uri, position, token)).shown;
}

/** Why nothing is shown, in the words of `arenalab/noSuggestion` (without the request's place). */
export type NoSuggestion = Omit<NoSuggestionParams, 'uri' | 'position'>;

/**
 * {@link suggestAt}, with the reason when nothing is shown. No reason for an unknown document, nor for a cancelled or
 * outdated request: nobody is waiting for that answer.
 */
export async function suggestWithReason(ctx: LspContext, uri: string, position: Position, token: CancellationToken = NEVER): Promise<{ shown: ShownSuggestion[]; reason?: NoSuggestion }> {
  const { clientSettings } = ctx;
  const budget = new RequestBudget(token, clientSettings.requestBudgetMs, ctx.clock);
  const document = ctx.documents.get(uri);
  if (document === undefined) return { shown: [] };
  // A document too large to keep has no text to complete in; the sync said so once when it became so.
  if (isTooLarge(document)) return { shown: [], reason: { reason: 'too-large' } };
  if (!enabledFor(clientSettings, document.languageId)) return { shown: [], reason: { reason: 'language-off' } };
  const version = document.version;
  const text = document.getText();
  if (documentProblem(text, ctx.settings.maxDocumentBytes) !== undefined) return { shown: [], reason: { reason: 'too-large' } };
  const offset = document.offsetAt(position);
  const file = ctx.roots.fileFor(uri);
  const language = languageForPath(file) ?? document.languageId;
  const at = document.positionAt(offset);
  const request = { file, language, prefix: text.slice(0, offset), suffix: text.slice(offset), position: at };
  const threshold = showThreshold(ctx);
  const options = { token: budget.cancelled, budget: budget.deadline, showThreshold: threshold, maxLines: clientSettings.maxLines, pause: pauseForInput };
  ctx.completing.count++;
  let result;
  try {
    result = await ctx.completions.complete(request, options);
  } finally {
    ctx.completing.count--;
  }
  if (budget.cancelled.isCancelled || ctx.documents.get(uri)?.version !== version) return { shown: [] };
  if (result.cutShort) ctx.connection.console.info(`completion at ${uri}:${at.line}:${at.character} cut short by the ${budget.budgetMs} ms budget: ${result.candidates.length + result.withheld.length} candidate(s) from the phases done`);
  const shown = result.candidates.map((candidate) => ctx.suggestions.remember(uri, withMaxLines(candidate, clientSettings.maxLines), { file, language, version }));
  if (shown.length > 0) return { shown };
  if (result.withheld.length > 0) return { shown, reason: { reason: 'withheld', principle: result.withheld[0].principleIds[0] ?? 'constitution' } };
  if (result.bestConfidence > 0) return { shown, reason: { reason: 'below-threshold', bestConfidence: result.bestConfidence, threshold } };
  return { shown, reason: { reason: 'no-match' } };
}
