// Shared helpers of the matching tests (no tests of its own). A dataset is assembled directly from the fixture
// spans with the dataset builder's own assembly step, so curation (dedup, class filter) cannot drop the
// paraphrased outcomes the tests are about.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assembleDataset } from '../dataset/buildDiamondDataset';
import { DEFAULT_DATASET_CONFIG } from '../dataset/datasetConfig';
import type { DiamondDataset } from '../dataset/datasetTypes';
import { spanDomain } from '../dataset/spanDomain';
import { HashingEmbedder } from '../embedding/hashingEmbedder';
import { scoreSpan } from '../quality/scoreSpan';
import type { Span } from '../spans/span';
import { spanContentHash } from '../spans/spanContentHash';
import { validateSpan } from '../spans/validateSpan';
import type { MatchingConfig } from './matchingConfig';
import { TrajectoryMatcher } from './trajectoryMatcher';

export const FIXTURES = path.resolve(__dirname, '../../../test-fixtures/matching');

/** The spans of a fixture file, each validated (a broken fixture fails loudly instead of testing nothing). */
export function loadSpans(file: string): Span[] {
  const lines = fs.readFileSync(path.join(FIXTURES, file), 'utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const checked = validateSpan(JSON.parse(line));
    if (!checked.ok) throw new Error(`${file}:${i + 1}: ${JSON.stringify(checked.problems)}`);
    return checked.span;
  });
}

export function datasetOf(spans: readonly Span[]): DiamondDataset {
  const entries = spans.map((span) => ({ span, hash: spanContentHash(span), metrics: scoreSpan(span), domain: spanDomain(span) }));
  return assembleDataset(entries, undefined, { ...DEFAULT_DATASET_CONFIG, name: 'matching-test' }, '2024-07-01T00:00:00.000Z');
}

/** A matcher over fixture files with a fresh (unfitted, so idf-free and predictable) hashing embedder. */
export async function matcherOf(files: readonly string[], config: Partial<MatchingConfig> = {}): Promise<TrajectoryMatcher> {
  return TrajectoryMatcher.create(datasetOf(files.flatMap(loadSpans)), new HashingEmbedder(), config);
}

/** A weights function from a plain object (absent ids weigh 1). */
export function weightsOf(table: Record<string, number> | undefined): ((spanId: string) => number) | undefined {
  return table ? (spanId) => table[spanId] ?? 1 : undefined;
}
