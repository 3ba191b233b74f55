import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GrammarLoader } from '@arenalab/core';

/** Why grammar files cannot be used: the manifest, a grammar file or the runtime is missing or not what it claims. */
export type GrammarFileErrorCode = 'MISSING_MANIFEST' | 'BAD_MANIFEST' | 'MISSING_GRAMMAR' | 'CORRUPT_GRAMMAR' | 'MISSING_RUNTIME';

/** A grammar-file problem, naming the file involved. */
export class GrammarFileError extends Error {
  constructor(
    readonly code: GrammarFileErrorCode,
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'GrammarFileError';
  }
}

export interface FileGrammarLoaderOptions {
  /**
   * The web-tree-sitter runtime wasm. Default: `web-tree-sitter.wasm` next to this module when present (a bundle
   * copies it there), else the one inside the installed `web-tree-sitter` package.
   */
  runtimeWasmPath?: string;
}

interface ManifestEntry {
  wasm: string;
  sha256: string;
}

/**
 * Reads grammars from a folder laid out as `grammars/` is: `manifest.json` maps language ids to wasm files and their
 * SHA-256. The manifest is read (and checked) now; each grammar is read when core asks for it, and its hash is
 * verified before the bytes are handed over, so a truncated or replaced file is refused with a clear error instead
 * of failing inside the wasm loader.
 */
export function fileGrammarLoader(grammarsDir: string = defaultGrammarsDir(), options: FileGrammarLoaderOptions = {}): GrammarLoader {
  const entries = readManifest(grammarsDir);
  return {
    languages: () => [...entries.keys()],
    runtimeWasm: async () => {
      const file = options.runtimeWasmPath ?? defaultRuntimeWasmPath();
      if (!fs.existsSync(file)) throw new GrammarFileError('MISSING_RUNTIME', `The tree-sitter runtime ${file} does not exist.`, file);
      return fs.promises.readFile(file);
    },
    grammarWasm: async (languageId) => {
      const entry = entries.get(languageId);
      return entry ? readVerified(path.join(grammarsDir, entry.wasm), entry.sha256, languageId) : undefined;
    },
  };
}

/** `grammars/` next to this module (a bundle copies it there), else the repository's `grammars/`. */
export function defaultGrammarsDir(): string {
  const besideModule = path.join(__dirname, 'grammars');
  if (fs.existsSync(path.join(besideModule, 'manifest.json'))) return besideModule;
  return path.resolve(__dirname, '..', '..', '..', 'grammars');
}

function defaultRuntimeWasmPath(): string {
  const besideModule = path.join(__dirname, 'web-tree-sitter.wasm');
  if (fs.existsSync(besideModule)) return besideModule;
  try {
    return require.resolve('web-tree-sitter/web-tree-sitter.wasm');
  } catch {
    throw new GrammarFileError('MISSING_RUNTIME', 'The web-tree-sitter package (and its web-tree-sitter.wasm) is not installed.', besideModule);
  }
}

function readManifest(grammarsDir: string): Map<string, ManifestEntry> {
  const file = path.join(grammarsDir, 'manifest.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new GrammarFileError('MISSING_MANIFEST', `No grammar manifest at ${file}.`, file);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GrammarFileError('BAD_MANIFEST', `${file} is not valid JSON: ${(error as Error).message}`, file);
  }
  const languages = (parsed as { languages?: unknown } | null)?.languages;
  if (typeof languages !== 'object' || languages === null) {
    throw new GrammarFileError('BAD_MANIFEST', `${file}: "languages" must be an object of language id → {wasm, sha256}.`, file);
  }
  return new Map(Object.entries(languages).map(([id, entry]) => [id, checkEntry(file, id, entry)]));
}

function checkEntry(file: string, languageId: string, entry: unknown): ManifestEntry {
  const { wasm, sha256 } = (entry ?? {}) as Partial<ManifestEntry>;
  const problem =
    typeof wasm !== 'string' || wasm === '' ? 'wasm must be a relative file path'
    : path.isAbsolute(wasm) || wasm.split(/[\\/]/).includes('..') ? `wasm '${wasm}' must stay inside the grammars folder`
    : typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256) ? 'sha256 must be 64 lowercase hex digits'
    : undefined;
  if (problem) throw new GrammarFileError('BAD_MANIFEST', `${file}: languages.${languageId}: ${problem}.`, file);
  return { wasm: wasm as string, sha256: sha256 as string };
}

async function readVerified(file: string, expected: string, languageId: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch {
    throw new GrammarFileError('MISSING_GRAMMAR', `The grammar for '${languageId}' is missing: ${file}.`, file);
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected) {
    throw new GrammarFileError(
      'CORRUPT_GRAMMAR',
      `The grammar for '${languageId}' (${file}) has SHA-256 ${actual}, but the manifest expects ${expected}; run node scripts/copyGrammars.mjs.`,
      file,
    );
  }
  return bytes;
}
