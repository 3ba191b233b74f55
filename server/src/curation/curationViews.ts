import { QUALITY_DIMENSIONS, VERDICT_FOR_CLASS } from '@arenalab/core';
import type { CurationScore, CurationRules, QualityMetrics, Span } from '@arenalab/core';
import { curationLevel } from '@arenalab/core';
import type { CurationQuality, CurationScoreView, CurationSpanView } from '@arenalab/protocol';

/** What the webview shows of a span: the judged fields, never the schema version or hashes. */
export function curationSpanView(span: Span): CurationSpanView {
  const { id, who, did, when, status, source, if_ok, if_not, confirmed_by, context, metadata } = span;
  return {
    id, who, did, this: span.this, when, status, source,
    ...(if_ok === undefined ? {} : { if_ok }),
    ...(if_not === undefined ? {} : { if_not }),
    ...(confirmed_by === undefined ? {} : { confirmed_by }),
    ...(context === undefined ? {} : { context: { ...context } }),
    ...(metadata === undefined ? {} : { metadata: { ...metadata } }),
  };
}

/** The meter's five dimensions with their reasons, the total, the class and the button it stands for. */
export function curationQuality(metrics: QualityMetrics): CurationQuality {
  return {
    dimensions: QUALITY_DIMENSIONS.map((name) => ({ name, score: metrics[name], reasons: [...metrics.breakdown[name].reasons] })),
    total: metrics.total_score,
    class: metrics.class,
    expected: VERDICT_FOR_CLASS[metrics.class],
  };
}

export function curationScoreView(score: CurationScore, rules: CurationRules): CurationScoreView {
  return { ...score, level: curationLevel(score.xp, rules) };
}
