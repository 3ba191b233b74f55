import { REINDEX_COMMAND } from '@arenalab/protocol';
import type { ExecuteCommandParams } from 'vscode-languageserver/node';
import { onFeedback } from './feedback/onFeedback';
import type { FeedbackDeps } from './feedback/onFeedback';
import { ACCEPTED_COMMAND } from './serverCommands';
import type { WorkspaceIndexer } from './workspace/workspaceIndexer';

/** A command the server does not offer; the guard logs it and the client gets null. */
export class UnknownCommandError extends Error {
  constructor(command: string) {
    super(`unknown command ${JSON.stringify(command)}`);
    this.name = 'UnknownCommandError';
  }
}

/** What the commands use: the indexer to re-index, and what feedback needs to record an accepted suggestion. */
export interface ExecuteCommandDeps {
  readonly indexer: WorkspaceIndexer;
  readonly feedback: FeedbackDeps;
}

/** `workspace/executeCommand`: the server's commands for clients that only speak standard LSP. */
export async function onExecuteCommand(deps: ExecuteCommandDeps, params: ExecuteCommandParams): Promise<unknown> {
  switch (params.command) {
    case REINDEX_COMMAND:
      return deps.indexer.reindex();
    case ACCEPTED_COMMAND:
      onFeedback(deps.feedback, { suggestionId: String(params.arguments?.[0]), outcome: 'accepted' });
      return null;
    default:
      throw new UnknownCommandError(params.command);
  }
}
