import * as path from 'node:path';
import { createDefaultToolRegistry } from '@arenalab/core';
import type { Command } from 'commander';
import { resolveStoreDir, SpanStore, StoreLockedError } from '../../store';
import { toolAnswerWithoutSecrets } from '../../answering';
import { ToolHost, type HostToolAnswer } from '../../tools';
import { InterruptToken } from '../interruptToken';
import { printResult } from '../output';

interface ToolCliOptions {
  workspace?: string;
  /** A folder, or false for --no-store (commander pairs the two options under one name). */
  store?: string | false;
  json?: boolean;
}

/** A --args value: a JSON object, or a clear error naming the problem. */
export function parseToolArgs(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw Object.assign(new Error(`--args is not valid JSON: ${(error as Error).message}`), { code: 'BAD_ARGS' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw Object.assign(new Error('--args must be a JSON object, e.g. {"expression":"2^10"}'), { code: 'BAD_ARGS' });
  return value as Record<string, unknown>;
}

function formatAnswer(answer: HostToolAnswer): string {
  if (!answer.usedTool) return `no tool fits this request: ${answer.decision?.reason ?? 'no reason given'}`;
  const stored = answer.spanId ? `\n(stored as span ${answer.spanId})` : answer.storeProblem ? `\n(not stored: ${answer.storeProblem})` : '';
  return `${answer.answer}\nconfidence ${answer.confidence}, ${answer.method}${stored}`;
}

/** Opens the host (and the store unless --no-store), runs `work`, always closes the store. */
async function withToolHost(options: ToolCliOptions, work: (host: ToolHost, token: InterruptToken) => Promise<HostToolAnswer>): Promise<void> {
  const workspace = path.resolve(options.workspace ?? process.cwd());
  const { store, problem } = await openStore(options, workspace);
  const token = new InterruptToken();
  try {
    const host = await ToolHost.open({ workspace, store });
    const result = await work(host, token);
    // A locked store (the language server is writing it) does not stop the answer; it says the span was not kept.
    const answer = problem && result.usedTool ? { ...result, storeProblem: problem } : result;
    // What the tool read or printed is shown the way the chat shows it: every secret as <redacted:KIND>.
    printResult(toolAnswerWithoutSecrets(answer).answer, Boolean(options.json), formatAnswer);
    if (answer.usedTool && answer.method === 'tool_failed') process.exitCode = 1;
  } finally {
    token.dispose();
    await store?.close();
  }
}

async function openStore(options: ToolCliOptions, workspace: string): Promise<{ store?: SpanStore; problem?: string }> {
  if (options.store === false) return {};
  try {
    return { store: await SpanStore.open(resolveStoreDir(options.store, workspace), { mode: 'write' }) };
  } catch (error) {
    if (error instanceof StoreLockedError) return { problem: error.message };
    throw error;
  }
}

function hostOptions(command: Command): Command {
  return command
    .option('--workspace <dir>', 'workspace the file tools are confined to (default: the working folder)')
    .option('--store <dir>', 'span store for the tool-use span (default: <workspace>/.arenalab)')
    .option('--no-store', 'do not store the tool-use span')
    .option('--json', 'print one JSON document');
}

/** `arenalab tool list|run` and `arenalab ask`: tools through the ToolRunner, each use stored as a span. */
export function registerToolCommand(program: Command): void {
  const tool = program.command('tool').description('List the tools or run one with explicit arguments.');
  tool
    .command('list')
    .description('The tools with their parameters (JSON schema), use cases and examples.')
    .option('--json', 'print one JSON document')
    .action((options: { json?: boolean }) => {
      const tools = createDefaultToolRegistry().describe();
      printResult(tools, Boolean(options.json), (list) => list.map((t) => `${t.id}: ${t.description}\n  parameters: ${Object.keys(t.parameters.properties ?? {}).join(', ')}\n  e.g. "${t.examples[0]?.request.split('\n')[0] ?? ''}"`).join('\n'));
    });
  hostOptions(tool.command('run <toolId>'))
    .description('Run one tool with --args (a JSON object); the use is stored as a span.')
    .option('--args <json>', 'arguments as a JSON object', '{}')
    .action(async (toolId: string, options: ToolCliOptions & { args: string }) => {
      const args = parseToolArgs(options.args);
      await withToolHost(options, (host, token) => host.run(toolId, args, { token }));
    });
  hostOptions(program.command('ask <request...>'))
    .description('Answer a request with a tool when one fits ("what is 2^10 * 3", a fenced code block, "search the workspace for X"); the use is stored as a span.')
    .action(async (words: string[], options: ToolCliOptions) => {
      await withToolHost(options, (host, token) => host.ask(words.join(' '), { token }));
    });
}
