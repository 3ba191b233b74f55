import { format } from 'node:util';
import type { Command } from 'commander';
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_LSP_SETTINGS, LspFrameGuard, proxyEnvironment, startLanguageServer } from '../../lsp';
import type { MalformedFrameError } from '../../lsp';

/** The exit code after input that is not LSP framing (1 is an ordinary exit without shutdown). */
export const MALFORMED_INPUT_EXIT_CODE = 2;

/** A transport the server does not speak; the typed code makes reportCliError print one line and exit 1. */
export class LspTransportError extends Error {
  readonly code = 'lsp_transport';
  constructor() {
    super('choose one transport: arenalab lsp --stdio (as the VS Code client starts it), or --node-ipc when forked with an IPC channel');
    this.name = 'LspTransportError';
  }
}

/** stdout carries the protocol now: a stray console.log would corrupt it, so console output goes to stderr. */
function routeConsoleToStderr(): void {
  const toStderr = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n');
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  console.trace = toStderr;
}

/**
 * A byte stream that is not LSP framing leaves no way to find the next message: the server says why on stderr (the
 * editor's output channel) and exits non-zero, so the client restarts it instead of waiting on a deaf server.
 */
function exitOnMalformedInput(error: MalformedFrameError): void {
  process.stderr.write(`arenalab lsp: malformed message from the client: ${error.message}; exiting so the editor can restart the server\n`);
  process.exit(MALFORMED_INPUT_EXIT_CODE);
}

function connect(options: { stdio?: boolean; nodeIpc?: boolean }): Connection {
  if (options.stdio === options.nodeIpc) throw new LspTransportError();
  if (options.nodeIpc) return createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
  routeConsoleToStderr();
  const input = process.stdin.pipe(new LspFrameGuard(exitOnMalformedInput));
  return createConnection(ProposedFeatures.all, input, process.stdout);
}

/** `ARENALAB_RECORDING=off` (or `0`, `false`, `no`) turns recording off for the whole server. */
export function recordingOffByEnvironment(value: string | undefined): boolean {
  return value !== undefined && ['off', '0', 'false', 'no'].includes(value.trim().toLowerCase());
}

/**
 * `arenalab lsp --stdio` (how the VS Code client and other editors start it) or `--node-ipc` (for a client that forks
 * the server with a Node IPC channel): the language server; it runs until the client sends exit.
 */
export function registerLspCommand(program: Command): void {
  program
    .command('lsp')
    .description('Run the ArenaLab language server (inline completions with confidence and provenance) for an editor.')
    .option('--stdio', 'speak LSP over stdin/stdout')
    .option('--node-ipc', 'speak LSP over the Node IPC channel of the process that forked this one')
    // vscode-languageclient appends it when it forks the server on the editor's runtime; vscode-languageserver reads
    // it from argv and exits when that process is gone, so the option only has to be accepted here.
    .option('--clientProcessId <pid>', 'the editor process; the server exits when it is gone')
    .option('--no-record', 'record no suggestion outcomes, edits or runs, whatever the settings say (also ARENALAB_RECORDING=off)')
    .action((options: { stdio?: boolean; nodeIpc?: boolean; record: boolean }) => {
      const connection = connect(options);
      // Bad input must not take the editor's assistant down; the error is logged where the client shows it.
      process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? String(error)}`));
      // ARENALAB_STORE is the store location for editors that send no arenalab.store.location setting.
      const recording = options.record && !recordingOffByEnvironment(process.env.ARENALAB_RECORDING);
      startLanguageServer(connection, {
        ...DEFAULT_LSP_SETTINGS,
        storeLocation: process.env.ARENALAB_STORE || undefined,
        recording,
        proxyEnv: proxyEnvironment(process.env),
        llmApiKey: process.env.ARENALAB_LLM_API_KEY || undefined,
        indexGate: process.env.ARENALAB_TEST_INDEX_GATE || undefined,
      });
    });
}
