import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLanguage } from '@arenalab/core';
import type { SandboxResult } from './classifySandboxRun';
import type { SandboxLimits } from './sandboxLimits';

/** How one language runs inside the sandbox. */
export interface Interpreter {
  language: CodeLanguage;
  /** The program's file name in the work folder. */
  file: string;
  /** True for Node: V8 needs address space beyond its heap. */
  reservesAddressSpace: boolean;
  /** `readable`: further folders the program may read (the inputs), beside its work folder. */
  argv(limits: SandboxLimits, workDir: string, readable: readonly string[]): string[];
}

/** Runs an argv inside the sandbox (used to probe that an interpreter works there). */
export type SandboxProbe = (argv: readonly string[], addressMb: number) => Promise<SandboxResult>;

/**
 * Node with its permission model as a second wall: reads only in the work folder and the inputs, writes only in the work folder, no child processes,
 * no worker threads, no native addons (each refused with ERR_ACCESS_DENIED).
 */
export function nodeInterpreter(execPath: string): Interpreter {
  return {
    language: 'javascript',
    file: 'main.js',
    reservesAddressSpace: true,
    argv: (limits, workDir, readable) => [
      execPath,
      `--max-old-space-size=${limits.memoryMb}`,
      '--experimental-permission',
      `--allow-fs-read=${workDir}/*`,
      ...readable.map((dir) => `--allow-fs-read=${dir}/*`),
      `--allow-fs-write=${workDir}/*`,
      '--disable-warning=ExperimentalWarning',
      'main.js',
    ],
  };
}

/** Python isolated from the environment and user site-packages, without writing bytecode. */
export function pythonInterpreter(executable: string): Interpreter {
  return { language: 'python', file: 'main.py', reservesAddressSpace: false, argv: () => [executable, '-I', '-B', 'main.py'] };
}

/** Every `python3` on PATH, each real file once, in PATH order. */
function pythonCandidates(): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'python3');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      const real = fs.realpathSync(candidate);
      if (!seen.has(real)) {
        seen.add(real);
        found.push(candidate);
      }
    } catch {
      // Not there or not executable.
    }
  }
  return found;
}

/**
 * The interpreters that actually start inside the sandbox. Node is the one running ArenaLab; for Python, the first
 * `python3` on PATH that works inside the sandbox's root, which holds the system folders but no home folder (a pyenv
 * shim under a home does not; /usr/bin/python3 does).
 */
export async function findInterpreters(probe: SandboxProbe, limits: SandboxLimits): Promise<Map<CodeLanguage, Interpreter>> {
  const found = new Map<CodeLanguage, Interpreter>();
  const node = await probe([process.execPath, '-e', 'console.log("ok")'], limits.memoryMb + limits.nodeReserveMb);
  if (node.outcome === 'ok' && node.stdout.trim() === 'ok') found.set('javascript', nodeInterpreter(process.execPath));
  for (const candidate of pythonCandidates()) {
    const python = await probe([candidate, '-I', '-c', 'print("ok")'], limits.memoryMb);
    if (python.outcome === 'ok' && python.stdout.trim() === 'ok') {
      found.set('python', pythonInterpreter(candidate));
      break;
    }
  }
  return found;
}
