// Shared helpers of the API server tests (no tests of its own): a real dataset in a temporary store, a tiny
// workspace whose files agree on a continuation, a server over both on a free loopback port, and `arenalab serve`
// as a child process.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildDiamondDataset, DEFAULT_DATASET_CONFIG, fixedClock, HashingEmbedder, neverCancelled, scoreSpan, silentProgress } from '@arenalab/core';
import type { Clock, DiamondDataset, Span } from '@arenalab/core';
import { DatasetRepository } from '../datasets';
import { ApiKeys } from './apiKeys';
import { ApiServer, type ApiServerOptions } from './apiServer';
import { loadCreatures, type LoadedCreatures } from './loadCreatures';
import { DEFAULT_RATE_LIMITS } from './rateLimiter';
import { ApiLog } from './requestLog';

export const TEST_KEY = 'sk-arenalab-test-0123456789';
export const SORT_QUESTION = 'How do I sort an array of numbers in JavaScript numerically?';

const fixture = path.resolve(__dirname, '../../../test-fixtures/dataset/spans.jsonl');

/** Builds the dataset fixture as `team@1.0.0` and saves it in `storeDir`, as `arenalab dataset build` would. */
export async function saveTeamDataset(storeDir: string): Promise<DiamondDataset> {
  const spans = fs.readFileSync(fixture, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Span);
  const scored = spans.map((span) => ({ span, metrics: scoreSpan(span) }));
  const deps = { clock: fixedClock(Date.UTC(2024, 5, 1)), embedder: new HashingEmbedder() };
  const { dataset } = await buildDiamondDataset(scored, deps, { ...DEFAULT_DATASET_CONFIG, name: 'team', version: '1.0.0' });
  new DatasetRepository(storeDir).save(dataset);
  return dataset;
}

/** The lines every handler file continues the same way: `validate(body);` is followed by `return respond(body);`. */
export const HANDLER_PREFIX = 'export function handle_new(request) {\n  const body = parse(request.body);\n  validate(body);\n';

/** Three files that agree on how a handler continues, so the completion creature has something confident to say. */
export function writeTinyWorkspace(dir: string): void {
  for (const name of ['alpha', 'beta', 'gamma']) {
    const text = `export function handle_${name}(request) {\n  const body = parse(request.body);\n  validate(body);\n  return respond(body);\n}\n`;
    fs.mkdirSync(path.join(dir, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'lib', `${name}.ts`), text);
  }
}

export interface TestServer {
  server: ApiServer;
  loaded: LoadedCreatures;
  dataset: DiamondDataset;
  logLines: string[];
  dir: string;
  stop(): Promise<void>;
}

/** A temporary store and workspace, the creatures loaded from them, and a server on a free loopback port. */
export async function startTestServer(overrides: Partial<ApiServerOptions> & { clock?: Clock } = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arenalab-api-'));
  const storeDir = path.join(dir, 'store');
  const workspace = path.join(dir, 'workspace');
  writeTinyWorkspace(workspace);
  const dataset = await saveTeamDataset(storeDir);
  const clock = overrides.clock ?? fixedClock(Date.UTC(2026, 0, 1));
  const loaded = await loadCreatures({ storeDir, datasets: [{ name: 'team' }], workspace, clock }, neverCancelled, silentProgress);
  const logLines: string[] = [];
  const server = await ApiServer.start({
    host: '127.0.0.1',
    port: 0,
    creatures: loaded.creatures,
    keys: new ApiKeys([TEST_KEY]),
    rateLimits: DEFAULT_RATE_LIMITS,
    log: new ApiLog((line) => logLines.push(line), true, clock),
    clock,
    storeStatus: loaded.storeStatus,
    ...overrides,
  });
  return {
    server, loaded, dataset, logLines, dir,
    async stop() {
      await server.close(1000);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const launcher = path.resolve(__dirname, '../../../bin/arenalab.js');

export interface RunningServe {
  url: string;
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts `arenalab serve` (JSON logs, a free port) and resolves once its `listening` log line gives the URL. */
export function startServe(args: string[], env: Record<string, string>): Promise<RunningServe> {
  const child = spawn(process.execPath, [launcher, 'serve', '--port', '0', '--json-logs', ...args], { cwd: path.dirname(path.dirname(launcher)), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stderr.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') resolve({ url: String(entry.url), logs, exited, kill: (signal) => child.kill(signal) });
      }
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening: ${buffer}`)));
  });
}
