import { SETUP_FAILED_EXIT } from './sandboxCommand';
import type { SandboxLimits } from './sandboxLimits';
import type { RawSandboxRun } from './sandboxRun';

/** How a program run ended, in words a person and a script can use. */
export type SandboxOutcome = 'ok' | 'error' | 'timeout' | 'memory' | 'process_limit' | 'denied' | 'output' | 'refused';

export interface SandboxResult {
  outcome: SandboxOutcome;
  /** One sentence: what happened and which limit stopped it. */
  message: string;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
}

const MEMORY = /JavaScript heap out of memory|Fatal process OOM|MemoryError|Cannot allocate memory|std::bad_alloc|Array buffer allocation failed|Reached heap limit/;
const PROCESSES = /\bEAGAIN\b|Resource temporarily unavailable|BlockingIOError|can't start new thread|fork: retry/i;
// What the sandbox forbids, most specific first, each with the sentence that names it.
const DENIED: [RegExp, string][] = [
  [/permission: 'ChildProcess'|permission: 'WorkerThreads'|permission: 'Addon'/, 'starting processes, threads or native addons is not allowed'],
  [/permission: 'FileSystemWrite'|Read-only file system|EROFS/, 'writing outside the temporary working folder is not allowed'],
  [/permission: 'FileSystemRead'/, 'reading outside the temporary working folder is not allowed'],
  [/ENETUNREACH|Network is unreachable|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|Temporary failure in name resolution|Name or service not known|getaddrinfo|fetch failed/, 'the sandbox has no network'],
  [/ERR_ACCESS_DENIED|Permission denied|EACCES|EPERM|Operation not permitted/, 'the sandbox does not allow that operation'],
];

/** Turns a finished process into an outcome: a limit that stopped it, the program's own failure, or success. */
export function classifySandboxRun(run: RawSandboxRun, limits: SandboxLimits): SandboxResult {
  const stdout = run.stdout.text();
  const stderr = run.stderr.text();
  const base = { exitCode: run.exitCode, signal: run.signal, stdout, stderr, truncated: run.stdout.truncated || run.stderr.truncated };
  const result = (outcome: SandboxOutcome, message: string): SandboxResult => ({ outcome, message, ...base });
  if (run.end === 'timeout') return result('timeout', `stopped: the program ran longer than the time limit of ${limits.timeoutMs} ms and was killed`);
  if (run.end === 'output') return result('output', `stopped: the program printed more than ${limits.killOutputBytes} bytes and was killed`);
  if (run.signal === 'SIGXCPU' || run.exitCode === 128 + 24) return result('timeout', `stopped: the program used more than ${limits.cpuSeconds} s of CPU time`);
  if (run.exitCode === SETUP_FAILED_EXIT && /arenalab sandbox:/.test(stderr)) return result('refused', `refused: the sandbox could not be set up (${stderr.trim()}), so the program did not run`);
  if (run.exitCode === 0) return result('ok', 'the program finished');
  if (MEMORY.test(stderr)) return result('memory', `stopped: the program ran out of its memory limit of ${limits.memoryMb} MB`);
  if (PROCESSES.test(stderr)) return result('process_limit', `stopped: the program tried to start more than ${limits.maxProcesses} processes or threads`);
  const denied = DENIED.find(([pattern]) => pattern.test(stderr));
  if (denied) return result('denied', `stopped: ${denied[1]} (see the error output)`);
  if (run.signal === 'SIGXFSZ' || run.exitCode === 128 + 25) return result('denied', `stopped: the program wrote a file larger than ${limits.maxFileBytes} bytes`);
  const how = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`;
  return result('error', `the program ${how}`);
}
