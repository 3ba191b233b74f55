import { ToolError, type CodeLanguage, type ToolErrorCode, type ToolExecutor } from '@arenalab/core';
import type { SandboxOutcome, SandboxResult } from './classifySandboxRun';
import { CodeSandbox, SandboxUnavailableError } from './codeSandbox';
import { SandboxBusyError } from './runGate';
import type { SandboxLimits } from './sandboxLimits';

const ERROR_CODES: Record<Exclude<SandboxOutcome, 'ok'>, ToolErrorCode> = {
  error: 'failed',
  timeout: 'timeout',
  memory: 'memory',
  process_limit: 'process_limit',
  denied: 'denied',
  output: 'output',
  refused: 'unavailable',
};

// The end of stderr is where the error is; a failure message quotes that much.
const STDERR_TAIL = 1500;

function outputText(result: SandboxResult): string {
  const parts = [result.stdout.replace(/\n$/, '')];
  if (result.stderr.trim() !== '') parts.push(`[stderr]\n${result.stderr.replace(/\n$/, '')}`);
  return parts.filter((part) => part !== '').join('\n') || '(no output)';
}

/**
 * The code_executor tool over a sandbox made on first use (probing takes a moment). Where the sandbox cannot work,
 * every call is refused with the reason; nothing ever runs unconfined. A program that fails or is stopped by a limit
 * is a failed tool call whose message says which; a call the sandbox has no room for fails as `busy`.
 */
export function sandboxCodeExecutor(limits: Partial<SandboxLimits> = {}, create: () => Promise<CodeSandbox> = () => CodeSandbox.create(limits)): ToolExecutor {
  let sandbox: Promise<CodeSandbox> | undefined;
  return {
    async execute(args, token) {
      sandbox ??= create();
      let ready: CodeSandbox;
      try {
        ready = await sandbox;
      } catch (error) {
        throw new ToolError('unavailable', error instanceof Error ? error.message : String(error), { cause: error });
      }
      let result: SandboxResult;
      try {
        result = await ready.run(args.language as CodeLanguage, String(args.code), { timeoutMs: Number(args.timeout_ms), token });
      } catch (error) {
        if (error instanceof SandboxUnavailableError) throw new ToolError('unavailable', error.message, { cause: error });
        if (error instanceof SandboxBusyError) throw new ToolError('busy', error.message, { cause: error });
        throw error;
      }
      if (result.outcome === 'ok') return { text: outputText(result), data: result };
      const tail = result.stderr.trim() === '' ? '' : `\n${result.stderr.trim().slice(-STDERR_TAIL)}`;
      const stdout = result.stdout.trim() === '' ? '' : `\n[stdout before it stopped]\n${result.stdout.trim().slice(-STDERR_TAIL)}`;
      throw new ToolError(ERROR_CODES[result.outcome], `${result.message}${stdout}${tail}`);
    },
  };
}
