import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancelledError, ChatEngine, CompletionEngine, seededRandom, SelfCalibration, WORKSPACE_KNOWLEDGE_ID, WorkspaceCodeCreature } from '@arenalab/core';
import type { ChatKnowledge } from '../answering';
import { openWorkspaceKnowledge } from '../creatures';
import type { Cancellation, Clock, Creature as CoreCreature, Embedder, Progress } from '@arenalab/core';
import { CreatureChatBackend, CreatureCompletionBackend } from './creatureBackends';
import { DatasetRepository, DatasetRepositoryError } from '../datasets';
import { LOG_FILE_NAME, SpanStore } from '../store';
import { indexWorkspace } from '../workspace';
import { ApiConfigError } from './apiConfigError';
import { CompletionService, singleFolder, WorkspaceConstitution } from '../answering';
import { EngineCompletionBackend } from './completionBackend';
import { CreatureRegistry, type Creature } from './creature';
import { ToolHost } from '../tools';
import { EngineChatBackend } from './engineChatBackend';
import type { StoreStatus } from './serviceRoutes';

/** The id of the completion creature over the served workspace. */
export const WORKSPACE_CREATURE_ID = 'workspace';

export interface CreatureSources {
  /** The store whose `datasets/` holds the datasets, and whose chain head pins the workspace creature. */
  storeDir: string;
  /** Datasets to serve as chat creatures: a version, or the latest when absent. */
  datasets: readonly { name: string; version?: string }[];
  /** A folder to index for the completion creature. */
  workspace?: string;
  clock: Clock;
  /** Embedder of the chat engines (`--model`); by default each engine fits a hashing embedder on its questions. */
  embedder?: Embedder;
  /** An external model the user configured (`--llm-base-url`), served as the creature of that id for chat and code. */
  external?: CoreCreature;
  /** Where the constitution says why it withheld a suggestion. */
  log?: (line: string) => void;
}

export interface LoadedCreatures {
  creatures: CreatureRegistry;
  /** `/health`'s view of the store: whether its log is still there, and what it held at startup. */
  storeStatus: () => StoreStatus;
  workspace?: { files: number; windows: number; build_s: number; skipped: number };
}

interface ChatDeps {
  clock: Clock;
  embedder?: Embedder;
  tools?: ToolHost;
  log?: (line: string) => void;
  knowledge?: ChatKnowledge;
}

async function chatCreature(repository: DatasetRepository, ref: { name: string; version?: string }, deps: ChatDeps, token: Cancellation): Promise<Creature> {
  const version = ref.version ?? repository.latest(ref.name);
  if (!version) throw new DatasetRepositoryError('DATASET_NOT_FOUND', `no dataset named ${ref.name} in ${repository.root} (arenalab dataset list)`);
  const dataset = repository.load(ref.name, version);
  const engine = await ChatEngine.create(dataset.spans.map((entry) => entry.span), { clock: deps.clock, ...(deps.embedder ? { embedder: deps.embedder } : {}) }, token);
  return {
    id: `${dataset.name}@${dataset.version}`,
    created: Math.floor(Date.parse(dataset.created_at) / 1000),
    ownedBy: 'arenalab',
    description: `chat: ChatEngine over the ${engine.size} answered questions of dataset ${dataset.name}@${dataset.version}${dataset.frozen ? ' (frozen)' : ''}`,
    ledgerHash: dataset.merkle_root,
    ledgerKind: 'dataset_merkle_root',
    chat: new EngineChatBackend(engine, deps.tools, deps.log, deps.knowledge),
    profile: {
      languages: [], domains: [...new Set(dataset.spans.map((entry) => entry.domain))].sort(), actionTypes: [...new Set(dataset.spans.map((entry) => entry.span.did))].sort(),
      size: engine.size, sizeUnit: 'answered questions', meanQuality: dataset.stats.avg_quality, accuracyByDomain: {},
    },
  };
}

/** The served folder's knowledge creature as a chat creature of its own: no stored answers, the folder's code and tools. */
async function knowledgeCreature(knowledge: ChatKnowledge, root: string, deps: ChatDeps, token: Cancellation): Promise<Creature> {
  const empty = await ChatEngine.create([], { clock: deps.clock, reviewer: knowledge.reviewer }, token);
  return {
    id: knowledge.creature.id,
    created: Math.floor(deps.clock.now() / 1000),
    ownedBy: 'arenalab',
    description: `${knowledge.creature.description} of ${root}`,
    ledgerHash: null,
    ledgerKind: null,
    chat: new EngineChatBackend(empty, deps.tools, deps.log, knowledge),
    profile: knowledge.creature.profile(),
  };
}

/** What the store holds at startup (read mode: no lock, so an ingest can keep writing); absent store → no records. */
async function storeSnapshot(storeDir: string): Promise<{ records: number; headHash: string | null }> {
  if (!fs.existsSync(path.join(storeDir, LOG_FILE_NAME))) return { records: 0, headHash: null };
  const store = await SpanStore.open(storeDir, { mode: 'read' });
  try {
    return { records: store.count, headHash: store.count > 0 ? store.headHash : null };
  } finally {
    await store.close();
  }
}

function storeStatusOf(storeDir: string, snapshot: { records: number; headHash: string | null }): () => StoreStatus {
  const logPath = path.join(storeDir, LOG_FILE_NAME);
  const hadLog = snapshot.headHash !== null;
  return () => {
    const base = { path: storeDir, records: snapshot.records, ...(snapshot.headHash ? { head_hash: snapshot.headHash } : {}) };
    if (!hadLog) return { ok: true, ...base, message: 'no span log yet' };
    try {
      fs.accessSync(logPath, fs.constants.R_OK);
      return { ok: true, ...base };
    } catch (error) {
      return { ok: false, ...base, message: `the span log cannot be read: ${(error as Error).message}` };
    }
  };
}

/** The served folder's constitution: its .gitignore and default excludes, the store's remembered violations. */
function workspaceConstitution(root: string, sources: CreatureSources): WorkspaceConstitution {
  return new WorkspaceConstitution({ clock: sources.clock, rootOf: singleFolder(root), excludes: () => [], storeDir: () => sources.storeDir, log: sources.log ?? (() => undefined) });
}

/** The external model: asked only because the user configured it, for chat and for fill-in-the-middle code. */
function externalCreature(external: CoreCreature, clock: Clock): Creature {
  return {
    id: external.id, created: Math.floor(clock.now() / 1000), ownedBy: 'external', description: external.description, ledgerHash: null, ledgerKind: null,
    chat: new CreatureChatBackend(external), completion: new CreatureCompletionBackend(external), profile: external.profile(),
  };
}

/** The folder to serve, checked to be one. */
function servedFolder(workspace: string): string {
  const root = path.resolve(workspace);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new ApiConfigError(`--workspace ${workspace}: no such folder`);
  return root;
}

/**
 * The engine calibrates its confidence on the served workspace as the language server's does (core's
 * `SelfCalibration`), in the background so serving starts at once; until it is done the confidence is the raw score.
 */
function calibrateInBackground(engine: CompletionEngine, token: Cancellation, log: ((line: string) => void) | undefined): void {
  new SelfCalibration(engine).fitWorkspace({ random: seededRandom(1), token }).then(
    (samples) => log?.(`confidence calibrated on ${samples} held-out sample(s) of the workspace`),
    (error: unknown) => { if (!(error instanceof CancelledError)) log?.(`confidence calibration failed: ${error instanceof Error ? error.message : String(error)}`); },
  );
}

/**
 * The creatures of `arenalab serve`: one chat creature per dataset (verified on load; its Merkle root is the ledger
 * hash); with a workspace, the completion creature over it (pinned by the store's chain head when there is one),
 * which also answers chat from the workspace knowledge creature, listed on its own too. The dataset creatures ask
 * the workspace knowledge creature when their stored answers are not confident.
 */
export async function loadCreatures(sources: CreatureSources, token: Cancellation, progress: Progress): Promise<LoadedCreatures> {
  if (sources.datasets.length === 0 && sources.workspace === undefined && sources.external === undefined) {
    throw new ApiConfigError('nothing to serve: give --workspace DIR for code completion and chat about its code, and/or --dataset NAME[@VERSION] for chat, and/or --llm-base-url URL for an external model');
  }
  const root = sources.workspace === undefined ? undefined : servedFolder(sources.workspace);
  const repository = new DatasetRepository(sources.storeDir);
  const creatures: Creature[] = [];
  // One tool host for every chat creature: the calculator, sandboxed code and the served workspace's files.
  const tools = await ToolHost.open({ workspace: sources.workspace, clock: sources.clock, embedder: sources.embedder });
  const constitution = root === undefined ? undefined : workspaceConstitution(root, sources);
  const knowledge: ChatKnowledge | undefined = root === undefined || constitution === undefined ? undefined : {
    creature: await openWorkspaceKnowledge(root, { clock: sources.clock, ...(sources.log ? { log: sources.log } : {}) }, token),
    reviewer: await constitution.currentReviewer(token),
  };
  const deps: ChatDeps = { clock: sources.clock, embedder: sources.embedder, tools, log: sources.log, knowledge };
  for (const ref of sources.datasets) creatures.push(await chatCreature(repository, ref, deps, token));
  const snapshot = await storeSnapshot(sources.storeDir);
  let workspace: LoadedCreatures['workspace'];
  if (root !== undefined && constitution !== undefined && knowledge !== undefined) {
    const engine = new CompletionEngine();
    const built = await indexWorkspace(engine, root, {}, token, progress);
    calibrateInBackground(engine, token, sources.log);
    workspace = { files: built.files, windows: built.windows, build_s: Math.round(built.build_s * 1000) / 1000, skipped: built.skipped.length };
    const knowing = await knowledgeCreature(knowledge, root, deps, token);
    creatures.push({
      id: WORKSPACE_CREATURE_ID,
      created: Math.floor(sources.clock.now() / 1000),
      ownedBy: 'arenalab',
      description: `code completion: continuations voted over ${built.files} files (${built.windows} windows) of ${root}; chat: ${WORKSPACE_KNOWLEDGE_ID}`,
      ledgerHash: snapshot.headHash,
      ledgerKind: snapshot.headHash ? 'store_head_hash' : null,
      completion: new EngineCompletionBackend(new CompletionService(engine, constitution)),
      chat: knowing.chat,
      profile: new WorkspaceCodeCreature({ clock: sources.clock, engine, languages: knowledge.creature.profile().languages }).profile(),
    }, knowing);
  }
  if (sources.external !== undefined) creatures.push(externalCreature(sources.external, sources.clock));
  return { creatures: new CreatureRegistry(creatures), storeStatus: storeStatusOf(sources.storeDir, snapshot), workspace };
}
