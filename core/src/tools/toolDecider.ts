import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { BruteForceIndex } from '../index/bruteForceIndex';
import type { Cancellation } from '../ports/cancellation';
import type { Embedder } from '../ports/embedder';
import type { Span } from '../spans/span';
import { matchesTrigger } from './matchesTrigger';
import { routedText } from './routedText';
import type { ToolRegistry } from './toolRegistry';
import { requestKindOf, toolsUsedOf, type ToolSuccessTable } from './toolSuccessTable';

/** Why a tool was (or was not) chosen; part of every answer's provenance. */
export interface ToolDecision {
  /** The chosen tool, or undefined when no tool fits (the caller answers without tools). */
  toolId?: string;
  /** Arguments extracted from the request (present when a tool was chosen). */
  args?: Record<string, unknown>;
  /** The request kind: the trigger that matched, or the kind of the past requests that voted. */
  kind: string;
  method: 'trigger' | 'trajectory' | 'none';
  /** 0..1: 0.8 for a trigger, the vote share × best similarity for trajectories, 0.2 for none. */
  confidence: number;
  reason: string;
  /** Past tool-use spans that voted (trajectory method). */
  provenance: { spanId: string; similarity: number; toolId: string; success: boolean }[];
}

export interface ToolDeciderConfig {
  /** Lowest cosine between a request and a past one for the past one to vote. @default 0.5 */
  minSimilarity: number;
  /** Most past requests that vote. @default 5 */
  topK: number;
  /** Confidence of a trigger match. @default 0.8 */
  triggerConfidence: number;
  /** Confidence of "no tool". @default 0.2 */
  noToolConfidence: number;
}

export const DEFAULT_TOOL_DECIDER_CONFIG: Readonly<ToolDeciderConfig> = Object.freeze({ minSimilarity: 0.5, topK: 5, triggerConfidence: 0.8, noToolConfidence: 0.2 });

interface PastUse {
  span: Span;
  kind: string;
}

/**
 * Decides whether a request needs a tool: first the tools' trigger patterns on the request's first `MAX_ROUTED_CHARS`
 * characters (in registry order, skipping tools the success table has learned to distrust for that kind of request,
 * and tools whose arguments are not in the request); when none matches, the most similar past tool-use requests vote
 * for the tool that worked for them.
 */
export class ToolDecider {
  private readonly config: ToolDeciderConfig;
  private readonly past: PastUse[] = [];
  private index: BruteForceIndex | undefined;
  private indexed = 0;

  constructor(
    private readonly registry: ToolRegistry,
    private readonly table: ToolSuccessTable,
    private readonly embedder: Embedder = new HashingEmbedder(),
    config: Partial<ToolDeciderConfig> = {},
  ) {
    this.config = { ...DEFAULT_TOOL_DECIDER_CONFIG, ...config };
  }

  /** Remembers a tool-use span as a past trajectory (other spans are ignored). */
  learn(span: Span): void {
    const kind = requestKindOf(span);
    if (span.did === 'use_tool' && kind !== undefined && toolsUsedOf(span).length > 0) this.past.push({ span, kind });
  }

  async decide(request: string, token?: Cancellation): Promise<ToolDecision> {
    const skipped: string[] = [];
    const routed = routedText(request);
    for (const tool of this.registry.list()) {
      const trigger = tool.triggers.find((candidate) => matchesTrigger(candidate, routed));
      if (!trigger) continue;
      if (!this.table.allows(trigger.kind, tool.id)) {
        skipped.push(`${tool.id} (fails '${trigger.kind}' requests too often)`);
        continue;
      }
      const args = tool.extractArgs(request);
      if (!args) {
        skipped.push(`${tool.id} (matched '${trigger.kind}' but the request holds no arguments for it)`);
        continue;
      }
      const also = skipped.length > 0 ? `; passed over ${skipped.join(', ')}` : '';
      return { toolId: tool.id, args, kind: trigger.kind, method: 'trigger', confidence: this.config.triggerConfidence, reason: `the request matches ${tool.id}'s '${trigger.kind}' pattern${also}`, provenance: [] };
    }
    return this.byTrajectories(request, skipped, token);
  }

  private async byTrajectories(request: string, skipped: string[], token?: Cancellation): Promise<ToolDecision> {
    const none = (why: string): ToolDecision => ({ kind: 'none', method: 'none', confidence: this.config.noToolConfidence, reason: why, provenance: [] });
    const passed = skipped.length > 0 ? `; passed over ${skipped.join(', ')}` : '';
    if (this.past.length === 0) return none(`no tool pattern matches and there are no past tool uses to compare with${passed}`);
    const neighbours = await this.neighbours(request, token);
    if (neighbours.length === 0) return none(`no tool pattern matches and no past tool use is similar enough (≥ ${this.config.minSimilarity})${passed}`);
    const votes = new Map<string, number>();
    for (const n of neighbours) votes.set(n.toolId, (votes.get(n.toolId) ?? 0) + (n.success ? n.similarity : -n.similarity));
    const total = neighbours.reduce((sum, n) => sum + n.similarity, 0);
    const ranked = [...votes].filter(([, score]) => score > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [toolId, score] of ranked) {
      if (!this.registry.has(toolId)) continue;
      const kind = neighbours.find((n) => n.toolId === toolId)?.kind ?? 'similar_request';
      if (!this.table.allows(kind, toolId)) continue;
      const args = this.registry.get(toolId).tool.extractArgs(request);
      if (!args) continue;
      const best = Math.max(...neighbours.filter((n) => n.toolId === toolId).map((n) => n.similarity));
      const confidence = Math.min(this.config.triggerConfidence, (score / total) * best);
      const reason = `${neighbours.length} similar past request(s) were answered with tools; ${toolId} worked best for them${passed}`;
      return { toolId, args, kind, method: 'trajectory', confidence, reason, provenance: neighbours };
    }
    return { ...none(`similar past requests used tools, but none that worked fits this request${passed}`), provenance: neighbours };
  }

  private async neighbours(request: string, token?: Cancellation): Promise<(ToolDecision['provenance'][number] & { kind: string })[]> {
    const index = await this.ensureIndex(token);
    const [query] = await this.embedder.embed([request], token);
    return index
      .search(query, this.config.topK)
      .filter((hit) => hit.similarity >= this.config.minSimilarity)
      .flatMap((hit) => {
        const use = this.past[Number(hit.id)];
        const first = toolsUsedOf(use.span)[0];
        return [{ spanId: use.span.id, similarity: hit.similarity, toolId: first.tool, success: first.success, kind: use.kind }];
      });
  }

  /** Embeds the past requests learned since the last call. */
  private async ensureIndex(token?: Cancellation): Promise<BruteForceIndex> {
    this.index ??= new BruteForceIndex(this.embedder.dimension);
    if (this.indexed < this.past.length) {
      const fresh = this.past.slice(this.indexed);
      const vectors = await this.embedder.embed(fresh.map((use) => use.span.this), token);
      fresh.forEach((_, i) => this.index?.add(String(this.indexed + i), vectors[i]));
      this.indexed = this.past.length;
    }
    return this.index;
  }
}
