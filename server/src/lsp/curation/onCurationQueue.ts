import type { CancellationToken } from 'vscode-languageserver/node';
import type { CurationQueueParams, CurationQueueResult } from '@arenalab/protocol';
import { curationQuality, curationScoreView, curationSpanView } from '../../curation';
import type { LspContext } from '../lspContext';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

/** `arenalab/curationQueue`: the next unjudged spans of the workspace store, each with the meter's five dimensions. */
export async function onCurationQueue(ctx: LspContext, params: CurationQueueParams | undefined, token?: CancellationToken): Promise<CurationQueueResult> {
  const { curation } = ctx;
  const base = { score: curationScoreView(curation.currentScore, curation.rules), timeLimitMs: curation.rules.timeLimitMs };
  const storeDir = ctx.store.dir;
  if (storeDir === undefined) return { ...base, items: [], remaining: 0, problem: 'no workspace store: open a folder first' };
  const asked = typeof params?.limit === 'number' && Number.isFinite(params.limit) ? Math.floor(params.limit) : DEFAULT_LIMIT;
  const limit = Math.min(MAX_LIMIT, Math.max(1, asked));
  const cancel = { get isCancelled() { return token?.isCancellationRequested === true; } };
  const { items, remaining } = await curation.queue(storeDir, limit, cancel);
  return {
    items: items.map(({ span, metrics }) => ({ span: curationSpanView(span), quality: curationQuality(metrics) })),
    remaining,
    score: curationScoreView(curation.currentScore, curation.rules),
    timeLimitMs: curation.rules.timeLimitMs,
  };
}
