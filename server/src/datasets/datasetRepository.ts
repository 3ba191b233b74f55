import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareVersions, exportDataset, freezeDataset, importDataset, isValidVersion, nextDatasetVersion, redactSpanSecrets } from '@arenalab/core';
import type { DatasetManifest, DiamondDataset } from '@arenalab/core';
import { DatasetRepositoryError } from './datasetRepositoryError';
import { fsyncDir, replaceFileAtomically, stagingPath, writeFileSynced } from '../host';
import { ensureStoreFolder } from '../store';

export const SPANS_FILE = 'spans.jsonl';
export const MANIFEST_FILE = 'manifest.json';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface DatasetListing {
  name: string;
  version: string;
  frozen: boolean;
  span_count: number;
  created_at: string;
  merkle_root: string;
}

/**
 * Datasets on disk under `<storeDir>/datasets/<name>/<version>/{spans.jsonl, manifest.json}`. A version is
 * written into a hidden staging folder (files fsynced), then renamed into place, so a crash leaves either the
 * complete old version or the complete new one, never half a dataset. Staging folders start with a dot and are
 * ignored. A frozen version can never be overwritten. Loading verifies every line and the Merkle root.
 */
export class DatasetRepository {
  readonly root: string;

  constructor(private readonly storeDir: string) {
    this.root = path.join(storeDir, 'datasets');
  }

  /** Every stored version, by name then version. */
  list(): DatasetListing[] {
    return this.names().flatMap((name) => this.versions(name).map((version) => this.listing(name, version)));
  }

  names(): string[] {
    return visibleDirs(this.root).sort();
  }

  /** Versions of a dataset, oldest first. */
  versions(name: string): string[] {
    checkName(name);
    return visibleDirs(path.join(this.root, name)).filter(isValidVersion).sort(compareVersions);
  }

  latest(name: string): string | undefined {
    return this.versions(name).at(-1);
  }

  /** The version a rebuild of `name` should get: `1.0.0`, or the latest with its minor bumped. */
  nextVersion(name: string): string {
    return nextDatasetVersion(this.versions(name));
  }

  /** Stores a dataset as `name@version`; refuses to replace a frozen version. */
  save(dataset: DiamondDataset): void {
    checkName(dataset.name);
    const { spansJsonl, manifest } = exportDataset(dataset);
    this.writeVersion(manifest, spansJsonl);
  }

  /** Loads and verifies a version (the latest when none is given). */
  load(name: string, version?: string): DiamondDataset {
    const chosen = version ?? this.latest(name);
    if (!chosen) throw new DatasetRepositoryError('DATASET_NOT_FOUND', `no dataset named ${name}`);
    return readFolder(this.versionDir(name, chosen), `${name}@${chosen}`);
  }

  /** Marks a version frozen for good (idempotent) and returns the frozen snapshot. */
  freeze(name: string, version: string): DiamondDataset {
    const dataset = this.load(name, version);
    if (dataset.frozen) return dataset;
    const frozen = freezeDataset(dataset);
    replaceFileAtomically(path.join(this.versionDir(name, version), MANIFEST_FILE), manifestText(exportDataset(frozen).manifest));
    return frozen;
  }

  /** Copies a verified version to `folder` as `spans.jsonl` + `manifest.json`. */
  exportTo(name: string, version: string, folder: string): void {
    const { spansJsonl, manifest } = exportDataset(this.load(name, version));
    fs.mkdirSync(folder, { recursive: true });
    writeFileSynced(path.join(folder, SPANS_FILE), spansJsonl);
    writeFileSynced(path.join(folder, MANIFEST_FILE), manifestText(manifest));
  }

  /**
   * Verifies an exported folder and stores it under its own name and version. A dataset that carries a secret is
   * refused: redacting it would break its Merkle root, and secrets never enter the store.
   */
  importFrom(folder: string): DiamondDataset {
    const dataset = readFolder(folder, folder);
    refuseSecrets(dataset, folder);
    this.save(dataset);
    return dataset;
  }

  private writeVersion(manifest: DatasetManifest, spansJsonl: string): void {
    const target = this.versionDir(manifest.name, manifest.version);
    if (fs.existsSync(target) && this.isFrozen(manifest.name, manifest.version)) {
      throw new DatasetRepositoryError('DATASET_VERSION_FROZEN', `${manifest.name}@${manifest.version} is frozen and cannot be overwritten`);
    }
    const parent = path.dirname(target);
    ensureStoreFolder(this.storeDir);
    fs.mkdirSync(parent, { recursive: true });
    const staging = stagingPath(parent, `staging-${manifest.version}`);
    fs.mkdirSync(staging);
    writeFileSynced(path.join(staging, SPANS_FILE), spansJsonl);
    writeFileSynced(path.join(staging, MANIFEST_FILE), manifestText(manifest));
    fsyncDir(staging);
    const old = fs.existsSync(target) ? stagingPath(parent, `replaced-${manifest.version}`) : undefined;
    if (old) fs.renameSync(target, old);
    fs.renameSync(staging, target);
    fsyncDir(parent);
    if (old) fs.rmSync(old, { recursive: true, force: true });
  }

  private isFrozen(name: string, version: string): boolean {
    try {
      return (JSON.parse(fs.readFileSync(path.join(this.versionDir(name, version), MANIFEST_FILE), 'utf8')) as DatasetManifest).frozen === true;
    } catch {
      return false;
    }
  }

  private listing(name: string, version: string): DatasetListing {
    const manifest = readManifest(this.versionDir(name, version), `${name}@${version}`);
    return { name, version, frozen: manifest.frozen, span_count: manifest.span_count, created_at: manifest.created_at, merkle_root: manifest.merkle_root };
  }

  private versionDir(name: string, version: string): string {
    checkName(name);
    if (!isValidVersion(version)) throw new DatasetRepositoryError('DATASET_INVALID_NAME', `'${version}' is not a semantic version`);
    return path.join(this.root, name, version);
  }
}

function refuseSecrets(dataset: DiamondDataset, label: string): void {
  for (const { span } of dataset.spans) {
    const kinds = Object.entries(redactSpanSecrets(span).counts).filter(([, n]) => n > 0).map(([kind]) => kind);
    if (kinds.length) {
      throw new DatasetRepositoryError('DATASET_HAS_SECRETS', `${label}: span ${span.id} contains a secret (${kinds.join(', ')}); redact it at the source and export again`);
    }
  }
}

function checkName(name: string): void {
  if (!NAME.test(name) || name === '.' || name === '..') {
    throw new DatasetRepositoryError('DATASET_INVALID_NAME', `'${name}' is not a valid dataset name (letters, digits, . _ -)`);
  }
}

function visibleDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
}

function manifestText(manifest: DatasetManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

function readManifest(folder: string, label: string): DatasetManifest {
  const file = path.join(folder, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new DatasetRepositoryError('DATASET_NOT_FOUND', `${label}: no ${MANIFEST_FILE} in ${folder}`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DatasetManifest;
  } catch (error) {
    throw new DatasetRepositoryError('DATASET_CORRUPT', `${label}: ${MANIFEST_FILE} is not valid JSON (${(error as Error).message})`);
  }
}

function readFolder(folder: string, label: string): DiamondDataset {
  const manifest = readManifest(folder, label);
  const spansFile = path.join(folder, SPANS_FILE);
  if (!fs.existsSync(spansFile)) throw new DatasetRepositoryError('DATASET_CORRUPT', `${label}: ${SPANS_FILE} is missing`);
  const result = importDataset(fs.readFileSync(spansFile, 'utf8'), manifest);
  if (!result.ok) throw new DatasetRepositoryError('DATASET_CORRUPT', `${label}: ${SPANS_FILE}: ${result.reason}`);
  return result.dataset;
}
