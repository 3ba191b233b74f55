import type { Cancellation, Clock } from '../ports';
import { throwIfCancelled } from '../ports';
import type { SyntaxService } from '../syntax';
import { explainSymbol, searchCode, whereDefined, whereInSymbol } from './codeAnswers';
import { assertCapability, CreatureRequestError, lastUserQuestion, notMeasured } from './creature';
import type { Creature, CreatureCapability, CreatureProfile, CreaturePrediction, PredictionRequest } from './creature';
import type { AnswerContext, KnowledgeAnswer } from './knowledgeAnswer';
import { KnowledgeIndex } from './knowledgeIndex';
import { questionTerms, textTerms } from './knowledgeTerms';
import type { KnowledgeSources } from './knowledgeSources';
import { buildAnswer, explainFile, historyAnswer, searchDocs } from './projectAnswers';
import { buildActions, questionIntent } from './questionIntent';
import { parsedMention, symbolMention } from './symbolMention';
import { resolveWorkspaceKnowledgeConfig, type WorkspaceKnowledgeConfig } from './workspaceKnowledgeConfig';

export const WORKSPACE_KNOWLEDGE_ID = 'workspace-knowledge';

export interface WorkspaceKnowledgeOptions {
  clock: Clock;
  /** Parses source files for their definitions; without it (or for a language it lacks) lexical patterns find them. */
  syntax?: SyntaxService;
  config?: Partial<WorkspaceKnowledgeConfig>;
  id?: string;
}

/** Answers one question from the index: the intent picks the kind of evidence, the symbol named narrows it. */
export async function answerFromKnowledge(ctx: AnswerContext, question: string, token: Cancellation): Promise<KnowledgeAnswer> {
  const intent = questionIntent(question);
  const named = symbolMention(question, ctx.index);
  const mention = named === undefined ? undefined : await parsedMention(ctx.index, named, token);
  const topic = questionTerms(question);
  const what = `"${question.trim().slice(0, 80)}"`;
  if (intent === 'build') return buildAnswer(ctx, buildActions(question));
  if (intent === 'history') return historyAnswer(ctx, mention, topic);
  if (mention && intent === 'explain') {
    if (mention.definitions.length > 0) return explainSymbol(ctx, mention);
    return explainFile(ctx, mention.files[0]);
  }
  if (mention && mention.definitions.length > 0) {
    const said = new Set([...mention.words, ...textTerms(mention.said)]);
    const rest = topic.filter((t) => !said.has(t));
    return rest.length === 0 ? whereDefined(ctx, mention) : whereInSymbol(ctx, mention, rest);
  }
  if (mention && mention.files.length > 0) return explainFile(ctx, mention.files[0]);
  if (topic.length === 0) return { text: `I'm not sure what to look for in ${what}: it names nothing the workspace holds.`, confidence: 0, method: 'not_sure', sources: [] };
  const code = searchCode(ctx, topic, what);
  if (code.method !== 'not_sure' || intent === 'where') return code;
  return searchDocs(ctx, topic) ?? code;
}

/**
 * The workspace knowledge creature: answers questions about the workspace's code from the code itself, with no
 * imported memory. Where a symbol is defined and used (tree-sitter definitions where a grammar exists, lexical
 * patterns elsewhere), what a function or file does (doc comments, README sections), how to build, run or test
 * (package.json scripts, Makefile targets, CI steps), who changed what and when (the commits the host read). Every
 * sentence quotes a source with its file:line (or commit); below the show threshold it says it is not sure.
 */
export class WorkspaceKnowledgeCreature implements Creature {
  readonly capabilities: readonly CreatureCapability[] = ['chat'];
  readonly id: string;
  readonly description: string;

  private constructor(private readonly index: KnowledgeIndex, private readonly config: WorkspaceKnowledgeConfig, private readonly clock: Clock, id: string) {
    this.id = id;
    const size = index.size;
    this.description = `chat about the workspace from its code: ${size.files} files, ${size.definitions} definitions, ${size.sections} README sections, ${size.commands} build commands, ${size.commits} commits`;
  }

  static async create(sources: KnowledgeSources, options: WorkspaceKnowledgeOptions, token: Cancellation): Promise<WorkspaceKnowledgeCreature> {
    const config = resolveWorkspaceKnowledgeConfig(options.config);
    const index = await KnowledgeIndex.build(sources, options.syntax, token);
    return new WorkspaceKnowledgeCreature(index, config, options.clock, options.id ?? WORKSPACE_KNOWLEDGE_ID);
  }

  get showThreshold(): number {
    return this.config.showThreshold;
  }

  profile(): CreatureProfile {
    const size = this.index.size;
    return {
      languages: [...this.index.languages].sort(),
      domains: ['workspace/code', 'workspace/build', 'workspace/history'],
      actionTypes: [],
      size: size.lines,
      sizeUnit: 'lines',
      meanQuality: null,
      accuracyByDomain: notMeasured(),
    };
  }

  async predict(request: PredictionRequest, cancellation: Cancellation): Promise<CreaturePrediction> {
    assertCapability(this, request);
    if (request.kind !== 'chat') throw new CreatureRequestError(this.id, 'answers chat only');
    const question = lastUserQuestion(request.messages);
    if (question === undefined) throw new CreatureRequestError(this.id, 'the conversation has no user message to answer');
    const started = this.clock.now();
    throwIfCancelled(cancellation, 'workspace knowledge');
    const answer = await answerFromKnowledge({ index: this.index, config: this.config }, question, cancellation);
    return {
      creature: this.id,
      output: answer.text,
      confidence: Math.round(answer.confidence * 1000) / 1000,
      method: answer.method,
      provenance: answer.sources,
      alternatives: [],
      cost: { latencyMs: this.clock.now() - started, externalCalls: 0 },
      notes: [],
    };
  }
}
