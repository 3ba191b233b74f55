import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { StatusParams } from '@arenalab/protocol';

// Test support shared by the real-client LSP tests: `arenalab lsp --stdio` as a child process with a vscode-jsonrpc
// client, the log collected, readiness and log lines awaited (never raced, never slept for).

const repoRoot = path.resolve(__dirname, '../../../..');

export interface TestServer {
  child: ChildProcessWithoutNullStreams;
  client: MessageConnection;
  logs: string[];
  statuses: StatusParams[];
  /** Resolves with the next arenalab/status ready announced after this call. */
  nextReady(): Promise<StatusParams>;
  /** Resolves with the first arenalab/status (past or future) in `state`. */
  status(state: StatusParams['state']): Promise<StatusParams>;
  /** Resolves with the first log line (past or future) matching `pattern`. */
  logged(pattern: RegExp): Promise<string>;
  /** What the client answers to workspace/configuration for the `arenalab` section; tests replace it. */
  config: unknown;
  /** When set, the answer for each item of a workspace/configuration request (per section and folder), instead of `config`. */
  configFor?: (item: { section?: string; scopeUri?: string }) => unknown;
  /** Resolves when the server next asks for the configuration. */
  nextConfigurationRequest(): Promise<void>;
  /** What the server registered through client/registerCapability (answered with success), in order. */
  registrations: { id: string; method: string; registerOptions?: unknown }[];
}

export function startTestServer(cwd: string, env: NodeJS.ProcessEnv = process.env, extraArgs: readonly string[] = []): TestServer {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'arenalab.js'), 'lsp', '--stdio', ...extraArgs], { cwd, env });
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logWaiters: { pattern: RegExp; resolve(line: string): void }[] = [];
  const readyWaiters: ((s: StatusParams) => void)[] = [];
  const statusWaiters: { state: StatusParams['state']; resolve(s: StatusParams): void }[] = [];
  const configWaiters: (() => void)[] = [];
  const server: TestServer = {
    child, client, logs: [], statuses: [], config: {}, registrations: [],
    nextReady: () => new Promise((resolve) => readyWaiters.push(resolve)),
    status: (state) => new Promise((resolve) => {
      const found = server.statuses.find((s) => s.state === state);
      if (found !== undefined) resolve(found);
      else statusWaiters.push({ state, resolve });
    }),
    logged: (pattern) => new Promise((resolve) => {
      const found = server.logs.find((l) => pattern.test(l));
      if (found !== undefined) resolve(found);
      else logWaiters.push({ pattern, resolve });
    }),
    nextConfigurationRequest: () => new Promise((resolve) => configWaiters.push(resolve)),
  };
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) => {
    const { configFor } = server;
    const answer = configFor === undefined ? [server.config] : params.items.map((item) => configFor(item));
    for (const resolve of configWaiters.splice(0)) resolve();
    return answer;
  });
  client.onRequest('window/showMessageRequest', () => null);
  client.onRequest('client/registerCapability', (p: { registrations: TestServer['registrations'] }) => {
    server.registrations.push(...p.registrations);
    return null;
  });
  client.onNotification('window/logMessage', (p: { message: string }) => {
    server.logs.push(p.message);
    for (const w of logWaiters.filter((w) => w.pattern.test(p.message))) {
      logWaiters.splice(logWaiters.indexOf(w), 1);
      w.resolve(p.message);
    }
  });
  client.onNotification('arenalab/status', (s: StatusParams) => {
    server.statuses.push(s);
    for (const w of statusWaiters.filter((w) => w.state === s.state)) {
      statusWaiters.splice(statusWaiters.indexOf(w), 1);
      w.resolve(s);
    }
    if (s.state === 'ready') for (const resolve of readyWaiters.splice(0)) resolve(s);
  });
  client.listen();
  return server;
}

/**
 * initialize (with configuration support, the client's initializationOptions and `workspace` capabilities added) +
 * initialized for these folders; resolves when the index is ready.
 */
export async function initializeTestServer(server: TestServer, folders: readonly string[], initializationOptions?: unknown, workspace: Record<string, unknown> = {}): Promise<StatusParams> {
  const workspaceFolders = folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) }));
  await server.client.sendRequest('initialize', {
    processId: process.pid, rootUri: workspaceFolders[0]?.uri ?? null, workspaceFolders, initializationOptions,
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true, ...workspace } },
  });
  const ready = server.nextReady();
  await server.client.sendNotification('initialized', {});
  return ready;
}

/** shutdown + exit; resolves with the exit code. */
export async function stopTestServer(server: TestServer): Promise<number | null> {
  if (server.child.exitCode !== null) return server.child.exitCode;
  const exited = new Promise<number | null>((resolve) => server.child.on('exit', (code) => resolve(code)));
  await server.client.sendRequest('shutdown');
  await server.client.sendNotification('exit');
  const code = await exited;
  server.client.dispose();
  return code;
}

/** Sends didChangeConfiguration with a new `arenalab` section; resolves once the server has pulled it. */
export async function changeTestConfiguration(server: TestServer, config: unknown): Promise<void> {
  server.config = config;
  const asked = server.nextConfigurationRequest();
  await server.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await asked;
}
