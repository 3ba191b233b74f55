import type { CreatureProfile } from '@arenalab/core';
import { ApiConfigError } from './apiConfigError';
import type { ChatBackend } from './chatBackend';
import type { CompletionBackend } from './completionBackend';

/**
 * What `ledger_hash` pins for a creature's answers: the Merkle root of the dataset it answers from, or the head hash
 * of the span store's chain (the workspace creature, when the workspace has a store). Null when there is neither.
 */
export type LedgerKind = 'dataset_merkle_root' | 'store_head_hash';

/** A model the API serves: a chat creature over a dataset, or the completion creature over a workspace. */
export interface Creature {
  /** The `model` clients ask for, e.g. `diamond_dataset_v1@1.0.0` or `workspace`. */
  id: string;
  /** Unix seconds: when the dataset was created, or when the server indexed the workspace. */
  created: number;
  ownedBy: string;
  description: string;
  ledgerHash: string | null;
  ledgerKind: LedgerKind | null;
  chat?: ChatBackend;
  completion?: CompletionBackend;
  /** What core's creature says of itself (languages, domains, size, measured accuracy), listed by `/v1/models`. */
  profile?: CreatureProfile;
}

/** The creatures of one server, found by id; `/v1/models` lists them in the order given. */
export class CreatureRegistry {
  private readonly byId = new Map<string, Creature>();

  constructor(creatures: readonly Creature[]) {
    for (const creature of creatures) {
      if (this.byId.has(creature.id)) throw new ApiConfigError(`two creatures are named ${creature.id}; serve each dataset once`);
      this.byId.set(creature.id, creature);
    }
  }

  get(id: string): Creature | undefined {
    return this.byId.get(id);
  }

  all(): Creature[] {
    return [...this.byId.values()];
  }
}
