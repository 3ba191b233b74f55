import type { CancellationToken, InlineCompletionItem, InlineCompletionParams } from 'vscode-languageserver/node';
import { ACCEPTED_COMMAND } from '../serverCommands';
import type { LspContext } from '../lspContext';
import { suggestAt } from './suggestAt';

/**
 * `textDocument/inlineCompletion`: ghost text. Each item carries its suggestion id as the argument of the accept
 * command, which the client runs when the developer accepts it, so acceptance is reported with no custom client code.
 */
export async function onInlineCompletion(ctx: LspContext, params: InlineCompletionParams, token?: CancellationToken): Promise<InlineCompletionItem[]> {
  const shown = await suggestAt(ctx, params.textDocument.uri, params.position, token);
  return shown.map(({ id, candidate }) => ({
    insertText: candidate.text,
    range: candidate.range,
    command: { title: 'ArenaLab: suggestion accepted', command: ACCEPTED_COMMAND, arguments: [id] },
  }));
}
