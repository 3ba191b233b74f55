import { format } from 'node:util';
import type { Command } from 'commander';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from '../../lsp';

/** A transport the server does not speak; the typed code makes reportCliError print one line and exit 1. */
export class LspTransportError extends Error {
  readonly code = 'lsp_transport';
  constructor() {
    super('choose a transport: arenalab lsp --stdio');
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

/** `arenalab lsp --stdio`: the language server over stdin/stdout; it runs until the client sends exit. */
export function registerLspCommand(program: Command): void {
  program
    .command('lsp')
    .description('Run the ArenaLab language server (inline completions with confidence and provenance) for an editor.')
    .option('--stdio', 'speak LSP over stdin/stdout')
    .action((options: { stdio?: boolean }) => {
      if (!options.stdio) throw new LspTransportError();
      routeConsoleToStderr();
      const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
      // Bad input must not take the editor's assistant down; the error is logged where the client shows it.
      process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? String(error)}`));
      startLanguageServer(connection);
    });
}
