import { randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { throwIfCancelled, type Cancellation, type CodeLanguage } from '@arenalab/core';
import { classifySandboxRun, type SandboxResult } from './classifySandboxRun';
import { sandboxCommand, type SandboxMode } from './sandboxCommand';
import { resolveSandboxLimits, type SandboxLimits } from './sandboxLimits';
import { runSandboxProcess } from './sandboxRun';
import { processesOfUser } from './processesOfUser';
import { findInterpreters, type Interpreter } from './findInterpreters';

export type { SandboxResult };

/** The sandbox cannot confine programs here; nothing is run unconfined. */
export class SandboxUnavailableError extends Error {
  readonly code = 'SANDBOX_UNAVAILABLE' as const;
}

// Sandbox uids in root mode: far above any real account, one per run so concurrent runs do not share NPROC counts.
const UID_BASE = 1_900_000_000;
const UID_SPAN = 100_000_000;

/**
 * Runs JavaScript (Node) and Python programs confined: new mount, network, IPC and PID namespaces (util-linux `unshare`),
 * every mount read-only except a private size-limited tmpfs as working folder, privileges dropped (`setpriv`),
 * rlimits on address space, processes, CPU time and file size (`prlimit`), a wall-clock limit that ends the whole
 * namespace, output capped. `create` probes that all of it works and refuses otherwise.
 */
export class CodeSandbox {
  private constructor(
    readonly mode: SandboxMode,
    readonly limits: SandboxLimits,
    readonly interpreters: ReadonlyMap<CodeLanguage, Interpreter>,
  ) {}

  /** Probes the machine; throws {@link SandboxUnavailableError} with the reason when confinement does not work. */
  static async create(limits: Partial<SandboxLimits> = {}): Promise<CodeSandbox> {
    const resolved = resolveSandboxLimits(limits);
    if (process.platform !== 'linux') throw new SandboxUnavailableError(`code execution needs Linux namespaces; this is ${process.platform}`);
    const mode: SandboxMode = process.getuid?.() === 0 ? 'root' : 'rootless';
    const probe = new CodeSandbox(mode, resolved, new Map());
    const check = await probe.runArgv(['/bin/sh', '-c', 'echo confined'], resolved.memoryMb, 'program.txt', '', undefined).catch((error: Error) => error);
    if (check instanceof Error || check.outcome !== 'ok' || check.stdout.trim() !== 'confined') {
      const why = check instanceof Error ? check.message : `${check.message}${check.stderr ? `: ${check.stderr.trim()}` : ''}`;
      throw new SandboxUnavailableError(`code execution is off: the sandbox (unshare, setpriv and prlimit from util-linux, ${mode === 'rootless' ? 'unprivileged user namespaces' : 'run as root'}) does not work here (${why})`);
    }
    const interpreters = await findInterpreters((argv, addressMb) => probe.runArgv(argv, addressMb, 'program.txt', '', undefined), resolved);
    return new CodeSandbox(mode, resolved, interpreters);
  }

  /** Languages that can run here (Python only when a python3 works inside the sandbox). */
  languages(): CodeLanguage[] {
    return [...this.interpreters.keys()];
  }

  /** Runs a program; `timeoutMs` may lower or raise the wall-clock limit for this run. */
  async run(language: CodeLanguage, code: string, options: { timeoutMs?: number; token?: Cancellation } = {}): Promise<SandboxResult> {
    throwIfCancelled(options.token, 'code execution');
    const interpreter = this.interpreters.get(language);
    if (!interpreter) throw new SandboxUnavailableError(`${language} is not available: ${language === 'python' ? 'no python3 that runs inside the sandbox was found on PATH' : 'Node cannot run inside the sandbox'}`);
    // A longer wall-clock limit asked for by the call brings the CPU limit along, so it is not cut short by the default.
    const limits =
      options.timeoutMs === undefined
        ? this.limits
        : resolveSandboxLimits({ ...this.limits, timeoutMs: options.timeoutMs, cpuSeconds: Math.max(this.limits.cpuSeconds, Math.ceil(options.timeoutMs / 1000) + 1) });
    const addressMb = limits.memoryMb + (interpreter.reservesAddressSpace ? limits.nodeReserveMb : 0);
    const sandbox = new CodeSandbox(this.mode, limits, this.interpreters);
    const result = await sandbox.runArgv((workDir) => interpreter.argv(limits, workDir), addressMb, interpreter.file, code, options.token);
    throwIfCancelled(options.token, 'code execution');
    return result;
  }

  private async runArgv(
    argv: readonly string[] | ((workDir: string) => string[]),
    addressMb: number,
    programFile: string,
    code: string,
    token: Cancellation | undefined,
  ): Promise<SandboxResult> {
    const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'arenalab-sandbox-'));
    try {
      const uid = this.mode === 'root' ? UID_BASE + randomInt(UID_SPAN) : 0;
      const nproc = this.mode === 'root' ? this.limits.maxProcesses : processesOfUser(process.getuid?.() ?? 0) + this.limits.maxProcesses;
      const interpreter = typeof argv === 'function' ? argv(workDir) : argv;
      const command = sandboxCommand({ mode: this.mode, workDir, uid, nproc, limits: this.limits, programFile, interpreter, addressSpaceBytes: addressMb * 1024 * 1024 });
      return classifySandboxRun(await runSandboxProcess(command, code, this.limits, token), this.limits);
    } finally {
      // The tmpfs went away with the mount namespace; only the empty mount point is left.
      await fs.promises.rm(workDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
