import { yieldToHost } from '@arenalab/core';
import type { CompletionCandidate } from '@arenalab/core';
import type { CancellationToken, Position } from 'vscode-languageserver/node';
import { languageForPath } from '../workspace';
import { enabledFor } from './clientSettings';
import { documentProblem } from './documentProblem';
import type { LspContext } from './lspContext';
import { RequestBudget } from './requestBudget';
import type { ShownSuggestion } from './suggestionMemory';

/** Cuts a suggestion to the first `maxLines` lines; the range it replaces is on the cursor's line and stays valid. */
function withMaxLines(candidate: CompletionCandidate, maxLines: number): CompletionCandidate {
  const lines = candidate.text.split('\n');
  return lines.length <= maxLines ? candidate : { ...candidate, text: lines.slice(0, maxLines).join('\n') };
}

const NEVER: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

/**
 * The engine's suggestions at a position of an open document, each remembered under a fresh id. Empty when the
 * request was cancelled, ran out of time, or the document changed meanwhile: the client has moved on, and an answer
 * for an older text would be wrong where it is shown.
 */
export async function suggestAt(ctx: LspContext, uri: string, position: Position, token: CancellationToken = NEVER): Promise<ShownSuggestion[]> {
  const budget = new RequestBudget(token, ctx.settings.requestBudgetMs);
  const document = ctx.documents.get(uri);
  if (document === undefined) return [];
  const version = document.version;
  // Gives a pending $/cancelRequest or didChange its turn before the work starts.
  await yieldToHost();
  if (budget.isCancelled || ctx.documents.get(uri)?.version !== version) return [];
  const text = document.getText();
  if (documentProblem(text, ctx.settings.maxDocumentBytes) !== undefined) return [];
  const offset = document.offsetAt(position);
  const file = ctx.roots.fileFor(uri);
  const language = languageForPath(file) ?? document.languageId;
  const { clientSettings } = ctx;
  if (!enabledFor(clientSettings, document.languageId)) return [];
  const clamped = document.positionAt(offset);
  const request = { file, language, prefix: text.slice(0, offset), suffix: text.slice(offset), position: clamped };
  const result = ctx.engine.complete(request, { token: budget, showThreshold: clientSettings.confidenceThreshold });
  if (budget.isCancelled) {
    if (budget.expired) ctx.connection.console.info(`completion at ${uri}:${clamped.line}:${clamped.character} dropped: over the ${ctx.settings.requestBudgetMs} ms budget`);
    return [];
  }
  return result.candidates.map((candidate) => ctx.suggestions.remember(uri, withMaxLines(candidate, clientSettings.maxLines), { file, language, version }));
}
