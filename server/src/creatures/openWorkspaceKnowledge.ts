import { SyntaxService, WorkspaceKnowledgeCreature } from '@arenalab/core';
import type { Cancellation, Clock, WorkspaceKnowledgeConfig } from '@arenalab/core';
import { fileGrammarLoader } from '../adapters';
import { readKnowledgeSources, type KnowledgeReadOptions } from './readKnowledgeSources';

export interface OpenKnowledgeOptions extends KnowledgeReadOptions {
  clock: Clock;
  config?: Partial<WorkspaceKnowledgeConfig>;
}

/**
 * The workspace knowledge creature of a folder: its sources read from disk, definitions parsed with the bundled
 * tree-sitter grammars (lexical patterns for languages without one, or when the grammars cannot be loaded).
 */
export async function openWorkspaceKnowledge(root: string, options: OpenKnowledgeOptions, token: Cancellation): Promise<WorkspaceKnowledgeCreature> {
  const sources = await readKnowledgeSources(root, options, token);
  let syntax: SyntaxService | undefined;
  try {
    syntax = await SyntaxService.create(fileGrammarLoader());
  } catch (error) {
    options.log?.(`workspace knowledge: no tree-sitter grammars (${(error as Error).message}); definitions come from lexical patterns`);
  }
  try {
    return await WorkspaceKnowledgeCreature.create(sources, { clock: options.clock, ...(syntax ? { syntax } : {}), ...(options.config ? { config: options.config } : {}) }, token);
  } finally {
    syntax?.dispose();
  }
}
