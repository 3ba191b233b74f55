import { ConfigError } from '@arenalab/core';

/** Limits of one sandboxed program run. */
export interface SandboxLimits {
  /** Wall-clock limit; the whole process tree is killed after it. @default 5000 */
  timeoutMs: number;
  /** CPU seconds (RLIMIT_CPU), a second guard behind the wall clock. @default 10 */
  cpuSeconds: number;
  /** Heap for the program: Node's old space, Python's address space. @default 256 */
  memoryMb: number;
  /**
   * Address space Node may reserve beyond its heap: V8 reserves virtual memory up front (code range, wasm) and will
   * not start below about 1 GB of RLIMIT_AS. @default 1024
   */
  nodeReserveMb: number;
  /** Processes and threads of the sandbox user (RLIMIT_NPROC; Node alone uses about 10 threads). @default 64 */
  maxProcesses: number;
  /** Largest file the program may write (RLIMIT_FSIZE). @default 8 MiB */
  maxFileBytes: number;
  /** Size of the temporary working folder (a tmpfs of its own). @default 32 MiB */
  workDirBytes: number;
  /** Bytes kept per output stream; the rest is counted and marked "[truncated]". @default 64 KiB */
  maxOutputBytes: number;
  /** Output beyond this many bytes in total stops the program (it would only print until the time limit). @default 4 MiB */
  killOutputBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  timeoutMs: 5000,
  cpuSeconds: 10,
  memoryMb: 256,
  nodeReserveMb: 1024,
  maxProcesses: 64,
  maxFileBytes: 8 * 1024 * 1024,
  workDirBytes: 32 * 1024 * 1024,
  maxOutputBytes: 64 * 1024,
  killOutputBytes: 4 * 1024 * 1024,
});

/**
 * Defaults filled in and every field checked to be a positive integer before anything runs; a bad limit is a
 * `ConfigError` ('BAD_SANDBOX_CONFIG').
 */
export function resolveSandboxLimits(partial: Partial<SandboxLimits> = {}): SandboxLimits {
  const limits = { ...DEFAULT_SANDBOX_LIMITS, ...partial };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) throw new ConfigError('BAD_SANDBOX_CONFIG', 'sandbox limits', name, value, 'a positive integer');
  }
  return limits;
}
