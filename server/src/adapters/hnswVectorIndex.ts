import * as fs from 'node:fs';
import * as path from 'node:path';
import { DimensionMismatchError, checkDimensionValue, checkK } from '@arenalab/core';
import type { VectorHit, VectorIndex } from '@arenalab/core';
import type { HierarchicalNSW } from 'hnswlib-node';
import { HnswIndexFileError, resolveHnswConfig } from './hnswConfig';
import type { HnswConfig } from './hnswConfig';
import { loadHnswlib } from './hnswlibLoader';
import type { HnswlibModule } from './hnswlibLoader';

const INDEX_FILE = 'index.hnsw';
const IDS_FILE = 'ids.json';

/** What `save` writes next to the hnswlib index file. */
interface HnswIdsFile {
  format: 'arenalab-hnsw-ids';
  version: 1;
  dimension: number;
  config: HnswConfig;
  capacity: number;
  nextLabel: number;
  deletedSlots: number;
  /** `[label, id]` of every live vector. */
  labels: Array<[number, string]>;
}

/**
 * Approximate cosine search over hnswlib-node (`HierarchicalNSW('cosine', dim)`). hnswlib knows
 * numeric labels only, so string ids map to labels that are never reused. Replacing a vector marks
 * the old label deleted and adds the new one under a fresh label; removal marks deleted. The index
 * is built with `allowReplaceDeleted`, so new points reuse the memory of deleted ones instead of
 * growing; when no deleted slot is free and the index is full, capacity doubles.
 */
export class HnswVectorIndex implements VectorIndex {
  readonly config: Readonly<HnswConfig>;
  private readonly idToLabel = new Map<string, number>();
  private readonly labelToId = new Map<number, string>();
  private nextLabel = 0;
  /** Deleted points whose memory a new point may take. */
  private deletedSlots = 0;

  private constructor(
    readonly dimension: number,
    config: HnswConfig,
    private readonly hnsw: HierarchicalNSW,
  ) {
    this.config = Object.freeze({ ...config });
    hnsw.setEf(config.efSearch);
  }

  /** A new, empty index. Throws if hnswlib-node cannot be loaded (see `createVectorIndex`). */
  static create(dimension: number, config: Partial<HnswConfig> = {}, hnswlib: HnswlibModule = loadHnswlib()): HnswVectorIndex {
    checkDimensionValue(dimension, 'HnswVectorIndex');
    const resolved = resolveHnswConfig(config);
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.initIndex({
      maxElements: resolved.initialCapacity,
      m: resolved.M,
      efConstruction: resolved.efConstruction,
      randomSeed: resolved.randomSeed,
      allowReplaceDeleted: true,
    });
    return new HnswVectorIndex(dimension, resolved, hnsw);
  }

  get size(): number {
    return this.labelToId.size;
  }

  /** Points the hnswlib index can hold before it is resized. */
  get capacity(): number {
    return this.hnsw.getMaxElements();
  }

  has(id: string): boolean {
    return this.idToLabel.has(id);
  }

  add(id: string, vector: Float32Array): void {
    if (vector.length !== this.dimension) throw new DimensionMismatchError(this.dimension, vector.length, 'HnswVectorIndex.add');
    this.remove(id);
    const reuse = this.deletedSlots > 0;
    if (!reuse && this.hnsw.getCurrentCount() >= this.hnsw.getMaxElements()) {
      this.hnsw.resizeIndex(this.hnsw.getMaxElements() * 2);
    }
    const label = this.nextLabel++;
    // hnswlib-node accepts plain arrays only, not typed arrays.
    this.hnsw.addPoint(Array.from(vector), label, reuse);
    if (reuse) this.deletedSlots--;
    this.idToLabel.set(id, label);
    this.labelToId.set(label, id);
  }

  remove(id: string): boolean {
    const label = this.idToLabel.get(id);
    if (label === undefined) return false;
    this.hnsw.markDelete(label);
    this.deletedSlots++;
    this.idToLabel.delete(id);
    this.labelToId.delete(label);
    return true;
  }

  search(query: Float32Array, k: number): VectorHit[] {
    if (query.length !== this.dimension) throw new DimensionMismatchError(this.dimension, query.length, 'HnswVectorIndex.search');
    checkK(k);
    // hnswlib rejects k above its capacity and cannot return deleted points, so ask for no more than are live.
    const wanted = Math.min(k, this.labelToId.size);
    if (wanted === 0) return [];
    const result = this.hnsw.searchKnn(Array.from(query), wanted);
    const hits: VectorHit[] = [];
    result.neighbors.forEach((label, i) => {
      const id = this.labelToId.get(label);
      if (id !== undefined) hits.push({ id, similarity: Math.max(-1, Math.min(1, 1 - result.distances[i])) });
    });
    return hits.sort((a, b) => b.similarity - a.similarity);
  }

  /** Writes `index.hnsw` and `ids.json` into `dir` (created if needed). */
  save(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
    this.hnsw.writeIndexSync(path.join(dir, INDEX_FILE));
    const ids: HnswIdsFile = {
      format: 'arenalab-hnsw-ids',
      version: 1,
      dimension: this.dimension,
      config: { ...this.config },
      capacity: this.capacity,
      nextLabel: this.nextLabel,
      deletedSlots: this.deletedSlots,
      labels: [...this.labelToId.entries()],
    };
    fs.writeFileSync(path.join(dir, IDS_FILE), JSON.stringify(ids));
  }

  /** Reads an index written by `save`. `efSearch` may be overridden; the build settings cannot. */
  static load(dir: string, overrides: Pick<Partial<HnswConfig>, 'efSearch'> = {}, hnswlib: HnswlibModule = loadHnswlib()): HnswVectorIndex {
    const ids = readIdsFile(dir);
    const config = resolveHnswConfig({ ...ids.config, ...overrides });
    const hnsw = new hnswlib.HierarchicalNSW('cosine', ids.dimension);
    const indexPath = path.join(dir, INDEX_FILE);
    if (!fs.existsSync(indexPath)) throw new HnswIndexFileError(indexPath, 'the index file is missing');
    try {
      hnsw.readIndexSync(indexPath, true);
    } catch (error) {
      throw new HnswIndexFileError(indexPath, `hnswlib could not read it: ${(error as Error).message}`);
    }
    if (hnsw.getNumDimensions() !== ids.dimension) throw new HnswIndexFileError(indexPath, `dimension ${hnsw.getNumDimensions()} differs from ${IDS_FILE} (${ids.dimension})`);
    const index = new HnswVectorIndex(ids.dimension, config, hnsw);
    index.nextLabel = ids.nextLabel;
    index.deletedSlots = ids.deletedSlots;
    for (const [label, id] of ids.labels) {
      index.idToLabel.set(id, label);
      index.labelToId.set(label, id);
    }
    return index;
  }
}

function readIdsFile(dir: string): HnswIdsFile {
  const idsPath = path.join(dir, IDS_FILE);
  if (!fs.existsSync(idsPath)) throw new HnswIndexFileError(idsPath, 'the id map is missing');
  let parsed: HnswIdsFile;
  try {
    parsed = JSON.parse(fs.readFileSync(idsPath, 'utf8')) as HnswIdsFile;
  } catch (error) {
    throw new HnswIndexFileError(idsPath, `not valid JSON: ${(error as Error).message}`);
  }
  if (parsed?.format !== 'arenalab-hnsw-ids' || parsed.version !== 1) throw new HnswIndexFileError(idsPath, 'not an ArenaLab HNSW id map (format/version)');
  if (!Number.isInteger(parsed.dimension) || parsed.dimension < 1) throw new HnswIndexFileError(idsPath, `bad dimension ${parsed.dimension}`);
  if (!Array.isArray(parsed.labels) || !Number.isInteger(parsed.nextLabel) || !Number.isInteger(parsed.deletedSlots)) {
    throw new HnswIndexFileError(idsPath, 'labels, nextLabel or deletedSlots missing or malformed');
  }
  return parsed;
}
