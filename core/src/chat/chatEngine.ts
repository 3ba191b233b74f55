import { ConstitutionalReviewer, correctAnswer } from '../constitution';
import type { ReviewedOutput } from '../constitution';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import type { OutcomeAnalysis } from '../matching/outcomeAnalysis';
import { throwIfCancelled, type Cancellation } from '../ports/cancellation';
import type { Clock } from '../ports/clock';
import type { Embedder } from '../ports/embedder';
import { ASK_QUESTION } from '../ingest/chatConversationToSpans';
import { detectDomain } from '../spans/detectDomain';
import type { Span } from '../spans/span';
import { resolveChatEngineConfig, type ChatEngineConfig } from './chatEngineConfig';
import { chatMethod, chatReasoning, localSynthesis, noMatchText, uncertainText } from './composeAnswer';
import type { AnswerGroup, ChatAnswer, ChatConstitutionReport, ChatMethod, ChatProvenance, ChatRequest } from './chatTypes';
import { synthesisPrompt, type LlmSynthesizer } from './llmSynthesizer';
import { qaPairsFromSpans } from './qaPair';
import { QaRetriever, type RetrievedPair } from './qaRetriever';
import { sharedTerms } from './sharedTerms';
import { voteAnswers } from './voteAnswers';

export interface ChatEngineOptions {
  /** Time stamps of remembered violations. */
  clock: Clock;
  /** @default a HashingEmbedder fitted on the questions and answers */
  embedder?: Embedder;
  config?: Partial<ChatEngineConfig>;
  /** @default the default constitution, no anti-pattern memory */
  reviewer?: ConstitutionalReviewer;
  /** An external model for medium-confidence synthesis; without it everything stays local. */
  llm?: LlmSynthesizer;
}

/** A request the engine cannot answer as given (no user message to answer). */
export class ChatRequestError extends Error {
  readonly code = 'BAD_CHAT_REQUEST' as const;

  constructor(message: string) {
    super(message);
    this.name = 'ChatRequestError';
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

interface Draft {
  text: string;
  method: ChatMethod;
  notes: string[];
}

/**
 * Answers questions by trajectory matching over question/answer spans: retrieve similar questions (BM25 and
 * embeddings, conversation history weighed in), vote over their answers grouped by meaning (outcome
 * synthesis: majority above 0.7, synthesis 0.4–0.7, an honest list of possibilities below), and review the result
 * against the constitution. Every answer carries its confidence and the spans it came from.
 */
export class ChatEngine {
  /** Every question seen, by span id, so a span added later finds the earlier turns of its conversation. */
  private readonly questions = new Map<string, string>();

  private constructor(
    private readonly retriever: QaRetriever,
    private readonly embedder: Embedder,
    private readonly config: ChatEngineConfig,
    private readonly reviewer: ConstitutionalReviewer,
    private readonly llm: LlmSynthesizer | undefined,
  ) {}

  /** Indexes the answered `ask_question` spans among `spans`; other spans are ignored. */
  static async create(spans: readonly Span[], options: ChatEngineOptions, token?: Cancellation): Promise<ChatEngine> {
    const config = resolveChatEngineConfig(options.config);
    const pairs = qaPairsFromSpans(spans, config.historyTurns);
    let embedder = options.embedder;
    if (!embedder) {
      const hashing = new HashingEmbedder();
      hashing.fit(pairs.flatMap((pair) => [pair.question, pair.answer]), token);
      embedder = hashing;
    }
    const retriever = await QaRetriever.create(pairs, embedder, config, token);
    const reviewer = options.reviewer ?? new ConstitutionalReviewer({ clock: options.clock });
    const engine = new ChatEngine(retriever, embedder, config, reviewer, options.llm);
    engine.rememberQuestions(spans);
    return engine;
  }

  /**
   * Adds spans recorded since `create` (new chat turns): answered questions become answerable at once, a span with
   * a known id replaces the old one. The embedder's idf stays as fitted at `create`. Returns the pairs indexed.
   */
  async add(spans: readonly Span[], token?: Cancellation): Promise<number> {
    this.rememberQuestions(spans);
    const pairs = qaPairsFromSpans(spans, this.config.historyTurns, (id) => this.questions.get(id));
    await this.retriever.add(pairs, token);
    return pairs.length;
  }

  private rememberQuestions(spans: readonly Span[]): void {
    for (const span of spans) if (span.did === ASK_QUESTION) this.questions.set(span.id, span.this);
  }

  /** Question/answer pairs the engine answers from. */
  get size(): number {
    return this.retriever.size;
  }

  async answer(request: ChatRequest, token?: Cancellation): Promise<ChatAnswer> {
    const { question, history } = this.questionOf(request);
    const candidates = await this.retriever.retrieve({ question, history }, token);
    const voters = this.voters(candidates);
    throwIfCancelled(token, 'chat answer');
    const analysis = await voteAnswers(voters, this.embedder, this.config.answerClusterThreshold, token);
    const method = chatMethod(analysis.agreement, voters.length, this.config);
    const groups = this.groups(analysis, voters);
    const confidence = method === 'no_match' ? 0 : this.confidence(analysis);
    const draft = await this.draft(method, analysis, groups, request, candidates, token);
    const provenance = voters.map((item) => this.provenance(item));
    const output: ReviewedOutput = {
      kind: 'chat',
      text: draft.text,
      confidence,
      request: question,
      domain: request.domain ?? detectDomain(question),
      sourceFiles: provenance.flatMap((p) => (p.file ? [p.file] : [])),
    };
    const { text, report } = await this.review(output, token);
    return {
      text,
      confidence,
      method: draft.method,
      provenance,
      trajectoriesUsed: voters.length,
      groups,
      reasoning: chatReasoning(method, analysis, candidates.length),
      constitution: report,
      notes: draft.notes,
    };
  }

  private questionOf(request: ChatRequest): { question: string; history: string[] } {
    if (!Array.isArray(request?.messages)) throw new ChatRequestError('chat request: messages must be an array of {role, content}');
    const users = request.messages.filter((m) => m?.role === 'user' && typeof m.content === 'string' && m.content.trim() !== '');
    if (users.length === 0) throw new ChatRequestError('chat request: no user message with text to answer');
    const question = users[users.length - 1].content;
    return { question, history: users.slice(0, -1).slice(-this.config.historyTurns).map((m) => m.content) };
  }

  /** The spans that vote: above the absolute and relative floors, the best `topK`. */
  private voters(candidates: readonly RetrievedPair[]): RetrievedPair[] {
    const best = candidates[0]?.similarity ?? 0;
    const floor = Math.max(this.config.minSimilarity, this.config.relativeFloor * best);
    return candidates.filter((item) => item.similarity >= floor).slice(0, this.config.topK);
  }

  /** Agreement × n / (n + prior) × the score-weighted mean similarity of the winning group. */
  private confidence(analysis: OutcomeAnalysis): number {
    const n = analysis.trajectories.length;
    const top = analysis.clusters[0];
    const support = top.members.reduce((sum, m) => sum + m.score * m.similarity, 0) / top.mass;
    return round(analysis.agreement * (n / (n + this.config.evidencePrior)) * support);
  }

  private groups(analysis: OutcomeAnalysis, voters: readonly RetrievedPair[]): AnswerGroup[] {
    const byId = new Map(voters.map((item) => [item.pair.spanId, item.pair]));
    return analysis.clusters.map((cluster) => ({
      answer: cluster.representative,
      share: round(cluster.probability),
      spanIds: cluster.members.map((m) => m.trajectory.id),
      exampleQuestion: byId.get(cluster.members[0].trajectory.id)?.question ?? '',
      sharedTerms: sharedTerms(cluster.members.map((m) => m.trajectory.outcome ?? '')),
    }));
  }

  private async draft(method: ChatMethod, analysis: OutcomeAnalysis, groups: AnswerGroup[], request: ChatRequest, candidates: readonly RetrievedPair[], token?: Cancellation): Promise<Draft> {
    const maxChars = this.config.maxQuotedChars;
    if (method === 'no_match') return { text: noMatchText(this.size, candidates[0]?.similarity, this.config.minSimilarity), method, notes: [] };
    if (method === 'majority') return { text: analysis.clusters[0].representative.trim(), method, notes: [] };
    if (method === 'uncertain') return { text: uncertainText(analysis, maxChars), method, notes: [] };
    if (this.llm && request.allowLlm !== false) {
      try {
        const text = (await this.llm.complete(synthesisPrompt(request.messages, groups), token)).trim();
        if (text !== '') return { text, method: 'llm_synthesis', notes: [`synthesised by ${this.llm.id}`] };
        return { text: localSynthesis(analysis, maxChars), method, notes: [`LLM synthesis by ${this.llm.id} returned no text; answered locally`] };
      } catch (error) {
        throwIfCancelled(token, 'chat answer');
        return { text: localSynthesis(analysis, maxChars), method, notes: [`LLM synthesis by ${this.llm.id} failed (${(error as Error).message}); answered locally`] };
      }
    }
    return { text: localSynthesis(analysis, maxChars), method, notes: [] };
  }

  private provenance(item: RetrievedPair): ChatProvenance {
    const answer = item.pair.answer.replace(/\s+/g, ' ').trim();
    const snippet = answer.length > this.config.snippetChars ? `${answer.slice(0, this.config.snippetChars - 1)}…` : answer;
    const entry: ChatProvenance = { spanId: item.pair.spanId, similarity: round(item.similarity), question: item.pair.question, snippet };
    if (item.pair.file) entry.file = item.pair.file;
    return entry;
  }

  /** The constitution: a hard violation replaces the text (hedged or refused) and content-based ones are remembered. */
  private async review(output: ReviewedOutput, token?: Cancellation): Promise<{ text: string; report: ChatConstitutionReport }> {
    const review = await this.reviewer.review(output, token);
    const corrected = correctAnswer(output.text, output.confidence, review);
    if (!corrected) return { text: output.text, report: review };
    await this.reviewer.learn(output, review, token);
    const correction = { kind: corrected.correction, principleId: corrected.violation.principleId, reason: corrected.violation.reason, originalText: output.text };
    return { text: corrected.text, report: { ...review, correction } };
  }
}
