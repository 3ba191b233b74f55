import { Command, CommanderError } from 'commander';
import { registerBenchCommand } from './commands/bench';
import { registerChatCommand } from './commands/chat';
import { registerCalibrateCommand } from './commands/calibrate';
import { registerCompleteCommand } from './commands/complete';
import { registerDatasetCommand } from './commands/dataset';
import { registerGapsCommand } from './commands/gaps';
import { registerIngestCommand } from './commands/ingest';
import { registerLspCommand } from './commands/lsp';
import { registerQualityCommand } from './commands/quality';
import { registerRunCommand } from './commands/run';
import { registerToolCommand } from './commands/tool';
import { registerTrainCommand } from './commands/train';
import { registerServeCommand } from './commands/serve';
import { registerCreatureCommand } from './commands/creature';
import { registerVerifyCommand } from './commands/verify';
import { reportCliError } from './reportCliError';

const version: string = require('../../package.json').version;

/** Builds the `arenalab` program; exported so tests can drive it in-process. */
export function createProgram(): Command {
  const program = new Command('arenalab')
    .description('ArenaLab: curate spans into diamond datasets and build creatures by trajectory matching.')
    .version(version)
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ showGlobalOptions: true });
  registerRunCommand(program);
  registerIngestCommand(program);
  registerVerifyCommand(program);
  registerQualityCommand(program);
  registerDatasetCommand(program);
  registerBenchCommand(program);
  registerCompleteCommand(program);
  registerLspCommand(program);
  registerChatCommand(program);
  registerToolCommand(program);
  registerServeCommand(program);
  registerCreatureCommand(program);
  registerCalibrateCommand(program);
  registerGapsCommand(program);
  registerTrainCommand(program);
  return program;
}

/** Runs the CLI and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    return reportCliError(error);
  }
}
