import { REINDEX_COMMAND } from '@arenalab/protocol';

/** Run by the client when an inline suggestion is accepted (the item's command), with the suggestion id. */
export const ACCEPTED_COMMAND = 'arenalab.suggestionAccepted';

/** The commands `workspace/executeCommand` runs, announced on initialize. */
export const SERVER_COMMANDS: readonly string[] = [REINDEX_COMMAND, ACCEPTED_COMMAND];
