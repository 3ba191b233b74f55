import { RequestType } from 'vscode-languageserver-protocol';
import type { CurationQuality, CurationSpanView } from './curationQueueRequest';

export interface CurationEnrichment {
  context?: Record<string, string>;
  metadata?: Record<string, string>;
  confirmed_by?: string;
}

export interface CurationRescoreParams {
  spanId: string;
  enrichment: CurationEnrichment;
}

export type CurationRescoreResult =
  | { ok: true; span: CurationSpanView; before: CurationQuality; after: CurationQuality; delta: Record<string, number> }
  /** `field` names the enrichment entry that was refused. */
  | { ok: false; reason: string; field?: string };

/**
 * `arenalab/curationRescore`, client → server request (deep analysis): the span with context, metadata or a
 * verification added, scored again by the quality meter, before and after. Nothing is stored.
 */
export const CurationRescoreRequest = new RequestType<CurationRescoreParams, CurationRescoreResult, void>('arenalab/curationRescore');
