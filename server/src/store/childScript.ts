import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

/**
 * A compiled helper script of this folder (`lockHolder`, `crashWriter`) run in a real `node` child, with its
 * stdout split into lines. Tests use it to put a second process on the same store.
 */
export class ChildScript {
  readonly process: ChildProcess;
  /** Complete stdout lines so far; a line cut by SIGKILL never appears. */
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private partial = '';
  private readonly waiters: (() => void)[] = [];

  constructor(script: string, args: string[]) {
    this.process = spawn(process.execPath, [path.join(__dirname, `${script}.js`), ...args], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.process.stdout?.setEncoding('utf8');
    this.process.stdout?.on('data', (text: string) => this.onData(text));
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        this.wake();
        resolve({ code, signal });
      });
    });
  }

  /** Resolves with the first line starting with one of `prefixes`; rejects if the child exits without one. */
  async waitForLine(...prefixes: string[]): Promise<string> {
    for (;;) {
      const found = this.lines.find((line) => prefixes.some((prefix) => line.startsWith(prefix)));
      if (found !== undefined) return found;
      if (this.process.exitCode !== null || this.process.signalCode !== null) {
        throw new Error(`child exited without printing ${prefixes.join(' or ')}; it printed ${JSON.stringify(this.lines)}`);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  send(text: string): void {
    this.process.stdin?.write(text);
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    this.process.kill(signal);
    await this.exited;
  }

  private onData(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
