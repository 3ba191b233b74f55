import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectIngestFormat, looksBinary } from '@arenalab/core';
import { STORE_FOLDER_NAME } from '../store';
import type { RecordProblem } from '@arenalab/core';
import { chatFileSource, spansFileSource } from './fileSources';
import { gitSource } from './gitSource';
import type { IngestFormatOption, SpanSource } from './spanSource';
import { IngestError } from './ingestError';

/** Folders never walked: dependencies, build output, VCS internals and ArenaLab's own stores. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', STORE_FOLDER_NAME, '.arenalab-demo', 'dist', 'out', 'build', '.venv', '__pycache__']);

const CANDIDATE_EXTENSIONS = new Set(['.jsonl', '.json', '.ndjson']);

function walk(dir: string, found: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, found);
    } else if (entry.isFile() && CANDIDATE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      found.push(full);
    }
  }
}

function head(file: string): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(8192);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function fileSource(file: string, format: IngestFormatOption, batchSize: number): SpanSource | RecordProblem {
  const start = head(file);
  if (looksBinary(start)) return { file, line: 0, field: '-', message: 'binary file, skipped' };
  const detected = detectIngestFormat(path.basename(file), start);
  if (format === 'spans') return spansFileSource(file, batchSize);
  if (format === 'chat') return chatFileSource(file, detected === 'chatgpt-export' ? 'chatgpt-export' : 'chat', batchSize);
  if (detected === 'spans') return spansFileSource(file, batchSize);
  if (detected === 'chat' || detected === 'chatgpt-export') return chatFileSource(file, detected, batchSize);
  return { file, line: 0, field: '-', message: 'not a span, chat or ChatGPT-export file; skipped (use --format to force one)' };
}

/**
 * Resolves `arenalab ingest PATH --format F` into sources. A file is one source; a folder is walked for JSON/JSONL
 * files (skipping dependency and build folders), and with `git` or `auto` its history is read when it is a
 * repository. Files that cannot be classified are reported, not guessed.
 */
export function discoverSources(
  target: string,
  format: IngestFormatOption,
  batchSize: number,
): { sources: SpanSource[]; problems: RecordProblem[] } {
  const sources: SpanSource[] = [];
  const problems: RecordProblem[] = [];
  if (!fs.existsSync(target)) throw new IngestError('not_found', `${target}: no such file or folder`);
  const stat = fs.statSync(target);
  if (format === 'git') {
    return { sources: [gitSource(target, batchSize)], problems };
  }
  const files: string[] = [];
  if (stat.isDirectory()) walk(target, files);
  else files.push(target);
  for (const file of files) {
    const source = fileSource(file, format, batchSize);
    if ('batches' in source) sources.push(source);
    else if (!stat.isDirectory() || format !== 'auto') problems.push(source);
  }
  if (stat.isDirectory() && format === 'auto' && fs.existsSync(path.join(target, '.git'))) {
    sources.push(gitSource(target, batchSize));
  }
  return { sources, problems };
}
