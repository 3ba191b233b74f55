import type { CancellationToken } from 'vscode-languageserver/node';
import type { CurationQueueParams, CurationQueueResult } from '@arenalab/protocol';
import { curationQuality, curationScoreView, curationSpanView } from '../../curation';
import type { CurationSession } from '../../curation';

/** What the queue uses: the curation game, and the store's folder when the request arrives (undefined: no store). */
export interface CurationQueueDeps {
  readonly curation: CurationSession;
  readonly storeDir: string | undefined;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;

/** `arenalab/curationQueue`: the next unjudged spans of the workspace store, each with the meter's five dimensions. */
export async function onCurationQueue(deps: CurationQueueDeps, params: CurationQueueParams | undefined, token?: CancellationToken): Promise<CurationQueueResult> {
  const { curation, storeDir } = deps;
  const base = { score: curationScoreView(curation.currentScore, curation.rules), timeLimitMs: curation.rules.timeLimitMs };
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
