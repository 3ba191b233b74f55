import { randomUUID } from 'node:crypto';
import type { CompletionCandidate } from '@arenalab/core';

/** A suggestion the server returned, kept so the client can ask why (explain) and report what happened (feedback). */
export interface ShownSuggestion {
  id: string;
  /** Document the suggestion was made in. */
  uri: string;
  candidate: CompletionCandidate;
  /** The engine's name of the document, its language, and the version the suggestion was made for. */
  file: string;
  language: string;
  version: number;
}

export type ShownPlace = Pick<ShownSuggestion, 'file' | 'language' | 'version'>;

/** The last N suggestions by id, oldest forgotten first, so a long session cannot grow the server without bound. */
export class SuggestionMemory {
  private readonly byId = new Map<string, ShownSuggestion>();

  constructor(private readonly capacity: number) {}

  remember(uri: string, candidate: CompletionCandidate, place: ShownPlace): ShownSuggestion {
    const shown = { id: randomUUID(), uri, candidate, ...place };
    this.byId.set(shown.id, shown);
    // A Map iterates in insertion order, so the first key is the oldest.
    while (this.byId.size > this.capacity) this.byId.delete(this.byId.keys().next().value as string);
    return shown;
  }

  get(id: string): ShownSuggestion | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }
}
