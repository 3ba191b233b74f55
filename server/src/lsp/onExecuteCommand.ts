import { REINDEX_COMMAND } from '@arenalab/protocol';
import type { ExecuteCommandParams } from 'vscode-languageserver/node';
import type { LspContext } from './lspContext';
import { onFeedback } from './feedback/onFeedback';

/** Run by the client when an inline suggestion is accepted (the item's command), with the suggestion id. */
export const ACCEPTED_COMMAND = 'arenalab.suggestionAccepted';

/** A command the server does not offer; the guard logs it and the client gets null. */
export class UnknownCommandError extends Error {
  constructor(command: string) {
    super(`unknown command ${JSON.stringify(command)}`);
    this.name = 'UnknownCommandError';
  }
}

export const SERVER_COMMANDS: readonly string[] = [REINDEX_COMMAND, ACCEPTED_COMMAND];

/** `workspace/executeCommand`: the server's commands for clients that only speak standard LSP. */
export async function onExecuteCommand(ctx: LspContext, params: ExecuteCommandParams): Promise<unknown> {
  switch (params.command) {
    case REINDEX_COMMAND:
      return ctx.indexer.reindex();
    case ACCEPTED_COMMAND:
      onFeedback(ctx, { suggestionId: String(params.arguments?.[0]), outcome: 'accepted' });
      return null;
    default:
      throw new UnknownCommandError(params.command);
  }
}
