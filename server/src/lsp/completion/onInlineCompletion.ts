import { InlineCompletionTriggerKind } from 'vscode-languageserver/node';
import type { CancellationToken, InlineCompletionItem, InlineCompletionParams } from 'vscode-languageserver/node';
import { NoSuggestionNotification } from '@arenalab/protocol';
import { ACCEPTED_COMMAND } from '../serverCommands';
import type { LspContext } from '../lspContext';
import { suggestWithReason } from './suggestAt';

/**
 * `textDocument/inlineCompletion`: ghost text. Each item carries its suggestion id as the argument of the accept
 * command, which the client runs when the developer accepts it, so acceptance is reported with no custom client code.
 * An explicit request (Alt+\\) answered with nothing is preceded by `arenalab/noSuggestion` with the reason.
 */
export async function onInlineCompletion(ctx: LspContext, params: InlineCompletionParams, token?: CancellationToken): Promise<InlineCompletionItem[]> {
  const { shown, reason } = await suggestWithReason(ctx, params.textDocument.uri, params.position, token);
  if (reason !== undefined && params.context?.triggerKind === InlineCompletionTriggerKind.Invoked) {
    void ctx.connection.sendNotification(NoSuggestionNotification, { uri: params.textDocument.uri, position: params.position, ...reason });
  }
  return shown.map(({ id, candidate }) => ({
    insertText: candidate.text,
    range: candidate.range,
    command: { title: 'ArenaLab: suggestion accepted', command: ACCEPTED_COMMAND, arguments: [id] },
  }));
}
