import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import type { Cancellation } from '@arenalab/core';
import { CappedOutput } from './cappedOutput';
import type { SandboxLimits } from './sandboxLimits';

/** Why a sandboxed process ended. */
export type SandboxEnd = 'exited' | 'timeout' | 'output' | 'cancelled' | 'signal';

export interface RawSandboxRun {
  end: SandboxEnd;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: CappedOutput;
  stderr: CappedOutput;
}

/** The first child of unshare (PID 1 of the new namespace), or undefined before it exists. */
function namespaceInit(unsharePid: number): number | undefined {
  try {
    const first = fs.readFileSync(`/proc/${unsharePid}/task/${unsharePid}/children`, 'utf8').trim().split(/\s+/)[0];
    return first ? Number(first) : undefined;
  } catch {
    return undefined;
  }
}

// How often a running sandbox looks at its cancellation token.
const CANCEL_POLL_MS = 50;

/**
 * Spawns an argv in a process group of its own, feeds it `stdin`, caps its output, and kills the whole group on
 * timeout, on too much output or on cancellation. Resolves when the process is gone; never rejects for what the
 * program did (a spawn failure rejects).
 */
export function runSandboxProcess(argv: readonly string[], stdin: string, limits: SandboxLimits, token?: Cancellation): Promise<RawSandboxRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' } });
    const stdout = new CappedOutput(limits.maxOutputBytes);
    const stderr = new CappedOutput(limits.maxOutputBytes);
    let end: SandboxEnd | undefined;
    const kill = (reason: SandboxEnd): void => {
      end ??= reason;
      if (child.pid === undefined) return;
      // Killing the namespace's PID 1 makes the kernel kill every process in the namespace and wait for them before
      // PID 1 exits; unshare reaps it and exits, so 'close' comes only once nothing of the run is left. Before PID 1
      // exists, the process group (unshare itself) is killed instead.
      const init = namespaceInit(child.pid);
      try {
        process.kill(init ?? -child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => kill('timeout'), limits.timeoutMs);
    const poll = token ? setInterval(() => token.isCancelled && kill('cancelled'), CANCEL_POLL_MS) : undefined;
    const onData = (sink: CappedOutput) => (chunk: Buffer) => {
      sink.push(chunk);
      if (stdout.totalBytes + stderr.totalBytes > limits.killOutputBytes) kill('output');
    };
    child.stdout.on('data', onData(stdout));
    child.stderr.on('data', onData(stderr));
    // The program may never read stdin, or exit before it is written: a broken pipe is not an error here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
    child.on('error', (error) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve({ end: end ?? (signal ? 'signal' : 'exited'), exitCode, signal, stdout, stderr });
    });
  });
}
