import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { throwIfCancelled, type Cancellation, type CodeLanguage } from '@arenalab/core';
import { classifySandboxRun, type SandboxResult } from './classifySandboxRun';
import { sandboxCommand, type SandboxMode } from './sandboxCommand';
import { resolveSandboxLimits, type SandboxLimits } from './sandboxLimits';
import { encodeRootLayout, INPUT_DIR, sandboxRootLayout } from './sandboxRoot';
import { runSandboxProcess } from './sandboxRun';
import { processesOfUser } from './processesOfUser';
import { findInterpreters, type Interpreter } from './findInterpreters';
import { resolveSandboxConcurrency, RunGate, type SandboxConcurrency } from './runGate';

export type { SandboxResult };

/** The sandbox cannot confine programs here; nothing is run unconfined. */
export class SandboxUnavailableError extends Error {
  readonly code = 'SANDBOX_UNAVAILABLE' as const;
}

// Sandbox uids in root mode: far above any real account, one per run so concurrent runs do not share NPROC counts.
const UID_BASE = 1_900_000_000;
const UID_SPAN = 100_000_000;

export interface SandboxRunOptions {
  /** Lowers or raises the wall-clock limit for this run. */
  timeoutMs?: number;
  token?: Cancellation;
  /** Host files or folders the program may read, by name: mounted read-only at `/input/<name>`; nothing else of the host is. */
  inputs?: Readonly<Record<string, string>>;
}

interface ArgvRun {
  argv: readonly string[] | ((workDir: string) => string[]);
  addressMb: number;
  programFile: string;
  code: string;
  inputs?: Readonly<Record<string, string>>;
  token?: Cancellation;
}

/**
 * Runs JavaScript (Node) and Python programs confined: new mount, network, IPC and PID namespaces (util-linux `unshare`)
 * around a root of the sandbox's own (the system folders read-only, its own /proc, a private size-limited tmpfs as
 * working folder, the given inputs read-only, nothing else of the host), privileges dropped (`setpriv`), rlimits on
 * address space, processes, CPU time and file size (`prlimit`), a wall-clock limit that ends the whole namespace,
 * output capped, and at most `maxConcurrentRuns` at once. `create` probes that all of it works and refuses otherwise.
 */
export class CodeSandbox {
  private constructor(
    readonly mode: SandboxMode,
    readonly limits: SandboxLimits,
    readonly interpreters: ReadonlyMap<CodeLanguage, Interpreter>,
    private readonly gate: RunGate,
  ) {}

  /** Probes the machine; throws {@link SandboxUnavailableError} with the reason when confinement does not work. */
  static async create(limits: Partial<SandboxLimits> = {}, concurrency: Partial<SandboxConcurrency> = {}): Promise<CodeSandbox> {
    const resolved = resolveSandboxLimits(limits);
    const gate = new RunGate(resolveSandboxConcurrency(concurrency));
    if (process.platform !== 'linux') throw new SandboxUnavailableError(`code execution needs Linux namespaces; this is ${process.platform}`);
    const mode: SandboxMode = process.getuid?.() === 0 ? 'root' : 'rootless';
    const probe = new CodeSandbox(mode, resolved, new Map(), gate);
    const check = await probe.runArgv({ argv: ['/bin/sh', '-c', 'echo confined'], addressMb: resolved.memoryMb, programFile: 'program.txt', code: '' }).catch((error: Error) => error);
    if (check instanceof Error || check.outcome !== 'ok' || check.stdout.trim() !== 'confined') {
      const why = check instanceof Error ? check.message : `${check.message}${check.stderr ? `: ${check.stderr.trim()}` : ''}`;
      throw new SandboxUnavailableError(`code execution is off: the sandbox (unshare, setpriv, prlimit and pivot_root from util-linux, ${mode === 'rootless' ? 'unprivileged user namespaces' : 'run as root'}) does not work here (${why})`);
    }
    const interpreters = await findInterpreters((argv, addressMb) => probe.runArgv({ argv, addressMb, programFile: 'program.txt', code: '' }), resolved);
    return new CodeSandbox(mode, resolved, interpreters, gate);
  }

  /** Languages that can run here (Python only when a python3 works inside the sandbox). */
  languages(): CodeLanguage[] {
    return [...this.interpreters.keys()];
  }

  /** Programs running now and waiting for a turn. */
  load(): { running: number; queued: number } {
    return { running: this.gate.running, queued: this.gate.queued };
  }

  /**
   * Runs a program once a slot is free; rejects with SandboxBusyError when every slot is taken and the queue is full,
   * with CancelledError when cancelled (waiting or running).
   */
  async run(language: CodeLanguage, code: string, options: SandboxRunOptions = {}): Promise<SandboxResult> {
    throwIfCancelled(options.token, 'code execution');
    const interpreter = this.interpreters.get(language);
    if (!interpreter) throw new SandboxUnavailableError(`${language} is not available: ${language === 'python' ? 'no python3 that runs inside the sandbox was found on PATH' : 'Node cannot run inside the sandbox'}`);
    // A longer wall-clock limit asked for by the call brings the CPU limit along, so it is not cut short by the default.
    const limits =
      options.timeoutMs === undefined
        ? this.limits
        : resolveSandboxLimits({ ...this.limits, timeoutMs: options.timeoutMs, cpuSeconds: Math.max(this.limits.cpuSeconds, Math.ceil(options.timeoutMs / 1000) + 1) });
    const addressMb = limits.memoryMb + (interpreter.reservesAddressSpace ? limits.nodeReserveMb : 0);
    const sandbox = new CodeSandbox(this.mode, limits, this.interpreters, this.gate);
    const readable = Object.keys(options.inputs ?? {}).length > 0 ? [INPUT_DIR] : [];
    const argv = (workDir: string): string[] => interpreter.argv(limits, workDir, readable);
    const result = await sandbox.runArgv({ argv, addressMb, programFile: interpreter.file, code, inputs: options.inputs, token: options.token });
    throwIfCancelled(options.token, 'code execution');
    return result;
  }

  private async runArgv(run: ArgvRun): Promise<SandboxResult> {
    const release = await this.gate.enter(run.token);
    const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'arenalab-sandbox-')).catch((error: Error) => {
      release();
      throw error;
    });
    try {
      throwIfCancelled(run.token, 'code execution');
      const uid = this.mode === 'root' ? UID_BASE + randomInt(UID_SPAN) : 0;
      const nproc = this.mode === 'root' ? this.limits.maxProcesses : processesOfUser(process.getuid?.() ?? 0) + this.limits.maxProcesses;
      const interpreter = typeof run.argv === 'function' ? run.argv(workDir) : run.argv;
      const layout = encodeRootLayout(sandboxRootLayout(interpreter.slice(0, 1).filter((file) => path.isAbsolute(file)), run.inputs));
      const command = sandboxCommand({ mode: this.mode, workDir, uid, nproc, limits: this.limits, programFile: run.programFile, interpreter, addressSpaceBytes: run.addressMb * 1024 * 1024, layout });
      return classifySandboxRun(await runSandboxProcess(command, run.code, this.limits, run.token), this.limits);
    } finally {
      release();
      // The sandbox's root and work folder went away with the mount namespace; only the empty mount point is left.
      await fs.promises.rm(workDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
