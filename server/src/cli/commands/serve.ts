import * as fs from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { systemClock } from '@arenalab/core';
import { allowedHostsFromEnv, ApiKeys, corsOriginsFromEnv, ApiLog, ApiServer, DEFAULT_CONNECTION_LIMITS, DEFAULT_MAX_BODY_BYTES, DEFAULT_RATE_LIMITS, keysFromEnv, loadCreatures, readKeysFile } from '../../api';
import { ExternalCreature } from '../../creatures';
import { resolveStoreDir } from '../../store';
import { addLlmOptions, llmSettingsFrom, type LlmOptions } from '../llmOptions';
import { parseDatasetRef, type DatasetRef } from '../datasetRef';
import { MODEL_OPTION_HELP, withModelEmbedder } from '../modelEmbedder';
import { withCliWork } from '../withCliWork';

interface ServeOptions extends LlmOptions {
  port: number;
  host: string;
  dataset: DatasetRef[];
  workspace?: string;
  store?: string;
  apiKey: string[];
  apiKeysFile?: string;
  ratePerMinute: number;
  ratePerDay: number;
  maxBody: number;
  allowedHost: string[];
  corsOrigin: string[];
  maxConnections: number;
  maxConnectionsPerClient: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  jsonLogs?: boolean;
  logFile?: string;
  model?: string;
}

function parseNonNegativeInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got "${value}"`);
  return parsed;
}

function parsePositiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got "${value}"`);
  return parsed;
}

function parsePort(value: string): number {
  const port = parseNonNegativeInt(value);
  if (port > 65535) throw new InvalidArgumentError(`expected a port 0–65535, got "${value}"`);
  return port;
}

const collect = <T>(parse: (value: string) => T) => (value: string, previous: T[]): T[] => [...previous, parse(value)];

/** Resolves when the first SIGINT or SIGTERM arrives; a second one exits at once. */
function untilSignal(log: ApiLog): Promise<string> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (received) {
        log.event('warn', 'second signal: exiting now', { signal });
        process.exit(130);
      }
      received = true;
      log.event('info', 'shutting down: no new connections, finishing requests in flight', { signal });
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** Log lines go to stderr, or are appended to `--log-file` (opened once; closed by `close`). */
function logSink(file: string | undefined): { write(line: string): void; close(): Promise<void> } {
  if (!file) return { write: (line) => void process.stderr.write(line + '\n'), close: async () => undefined };
  const fd = fs.openSync(file, 'a');
  return {
    write: (line) => fs.writeSync(fd, line + '\n'),
    close: async () => fs.closeSync(fd),
  };
}

async function serve(options: ServeOptions): Promise<void> {
  const sink = logSink(options.logFile);
  try {
    await serveWithLog(options, new ApiLog((line) => sink.write(line), Boolean(options.jsonLogs), systemClock));
  } finally {
    await sink.close();
  }
}

async function serveWithLog(options: ServeOptions, log: ApiLog): Promise<void> {
  const keys = new ApiKeys([...options.apiKey, ...(options.apiKeysFile ? readKeysFile(options.apiKeysFile) : []), ...keysFromEnv(process.env.ARENALAB_API_KEYS)]);
  ApiServer.checkBinding(options.host, keys);
  const storeDir = resolveStoreDir(options.store, options.workspace ?? process.cwd());
  const llm = llmSettingsFrom(options);
  const external = llm === undefined ? undefined : new ExternalCreature(llm, { clock: systemClock, proxy: { env: process.env } });
  await withModelEmbedder(options.model, async (embedder) => {
    const loaded = await withCliWork((token, progress) =>
      loadCreatures({ storeDir, datasets: options.dataset, workspace: options.workspace, external, clock: systemClock, embedder, log: (line) => log.event('info', line) }, token, progress.phase('index')));
    const server = await ApiServer.start({
      host: options.host,
      port: options.port,
      creatures: loaded.creatures,
      keys,
      rateLimits: { perMinute: options.ratePerMinute, perDay: options.ratePerDay },
      maxBodyBytes: options.maxBody,
      allowedHosts: [...options.allowedHost, ...allowedHostsFromEnv(process.env.ARENALAB_ALLOWED_HOSTS)],
      corsOrigins: [...options.corsOrigin, ...corsOriginsFromEnv(process.env.ARENALAB_CORS_ORIGINS)],
      connectionLimits: {
        maxConnections: options.maxConnections,
        maxConnectionsPerClient: options.maxConnectionsPerClient,
        headersTimeoutMs: options.headersTimeoutMs,
        requestTimeoutMs: options.requestTimeoutMs,
        keepAliveTimeoutMs: options.keepAliveTimeoutMs,
      },
      log,
      storeStatus: loaded.storeStatus,
    });
    const stopped = untilSignal(log);
    log.event('info', 'listening', {
      url: server.url,
      creatures: loaded.creatures.all().map((creature) => creature.id),
      ...(loaded.workspace ? { workspace: loaded.workspace } : {}),
      auth: keys.required ? `${keys.size} API key(s)` : 'none (loopback only)',
      rate_limits: `${options.ratePerMinute || 'unlimited'}/min, ${options.ratePerDay || 'unlimited'}/day per key`,
    });
    await stopped;
    await server.close();
    log.event('info', 'stopped');
  });
}

/** `arenalab serve`: the creatures behind an OpenAI-compatible HTTP API. */
export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description('Serve the creatures over an OpenAI-compatible HTTP API: /v1/chat/completions (datasets; the workspace\'s code knowledge), /v1/completions (workspace code), /v1/models, /health, /metrics. With --llm-base-url, the external model is served too, as the creature "external" (chat and fill-in-the-middle code).')
    .option('--port <n>', 'TCP port (0 picks a free one)', parsePort, 8080)
    .option('--host <host>', 'address to bind; anything but loopback requires API keys', '127.0.0.1')
    .addOption(new Option('--dataset <ref>', 'serve a dataset as a chat creature: NAME or NAME@VERSION (repeatable)').argParser(collect(parseDatasetRef)).default([], 'none'))
    .option('--workspace <dir>', 'index this folder and serve it as the creature "workspace" (code completion, and chat about its code) and "workspace-knowledge" (chat)')
    .option('--store <dir>', 'store holding the datasets (default: <workspace>/.arenalab, or ./.arenalab)')
    .addOption(new Option('--api-key <key>', 'accept this API key as "Authorization: Bearer KEY" (repeatable; also ARENALAB_API_KEYS=k1,k2)').argParser(collect(String)).default([], 'none'))
    .option('--api-keys-file <file>', 'accept the API keys in this file, one per line (# comments)')
    .option('--rate-per-minute <n>', 'requests per minute per key (0 = no limit)', parseNonNegativeInt, DEFAULT_RATE_LIMITS.perMinute)
    .option('--rate-per-day <n>', 'requests per day per key (0 = no limit)', parseNonNegativeInt, DEFAULT_RATE_LIMITS.perDay)
    .option('--max-body <bytes>', 'largest request body accepted', parseNonNegativeInt, DEFAULT_MAX_BODY_BYTES)
    .addOption(new Option('--cors-origin <origin>', 'let web pages of ORIGIN (scheme://host[:port], e.g. http://localhost:5173) call the API from a browser (repeatable; also ARENALAB_CORS_ORIGINS=a,b); none by default, and requests from any other origin are refused').argParser(collect(String)).default([], 'none'))
    .addOption(new Option('--allowed-host <name>', 'also accept requests whose Host header is NAME or NAME:PORT (repeatable; also ARENALAB_ALLOWED_HOSTS=a,b); the bind address, localhost, 127.0.0.1 and [::1] always are').argParser(collect(String)).default([], 'none'))
    .option('--max-connections <n>', 'open connections in total; more are closed at once', parsePositiveInt, DEFAULT_CONNECTION_LIMITS.maxConnections)
    .option('--max-connections-per-client <n>', 'open connections from one address; more are closed at once', parsePositiveInt, DEFAULT_CONNECTION_LIMITS.maxConnectionsPerClient)
    .option('--headers-timeout-ms <ms>', 'time to send the request headers, then 408', parsePositiveInt, DEFAULT_CONNECTION_LIMITS.headersTimeoutMs)
    .option('--request-timeout-ms <ms>', 'time to send the whole request, body included, then 408', parsePositiveInt, DEFAULT_CONNECTION_LIMITS.requestTimeoutMs)
    .option('--keep-alive-timeout-ms <ms>', 'idle time between requests on a kept-alive connection', parsePositiveInt, DEFAULT_CONNECTION_LIMITS.keepAliveTimeoutMs)
    .option('--json-logs', 'log one JSON object per line (for log shippers)')
    .option('--log-file <file>', 'append the log to this file instead of stderr')
    .option('--model <dir>', MODEL_OPTION_HELP);
  addLlmOptions(command, 'to serve as the creature "external" (asked only when a request names it)').action(serve);
}
