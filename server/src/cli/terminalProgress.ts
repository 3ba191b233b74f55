import { SingleBar, Presets } from 'cli-progress';
import type { Progress } from '@arenalab/core';

/** `bar` on a terminal; `lines` writes one stderr line per phase and per tenth done, for logs; `off` is silent. */
export type ProgressMode = 'bar' | 'lines' | 'off';

/**
 * The mode from the environment: `ARENALAB_PROGRESS=lines|bar|off` wins; otherwise a bar on a terminal and nothing
 * when stderr is piped, so `--json` output and CI logs stay clean unless lines are asked for.
 */
export function progressModeFromEnv(env: NodeJS.ProcessEnv = process.env, tty = Boolean(process.stderr.isTTY)): ProgressMode {
  const wanted = env.ARENALAB_PROGRESS;
  if (wanted === 'lines' || wanted === 'bar' || wanted === 'off') return wanted;
  return tty ? 'bar' : 'off';
}

/**
 * Progress on stderr. One instance shows one phase at a time; `phase()` starts a new labelled one.
 */
export class TerminalProgress implements Progress {
  private bar: SingleBar | undefined;
  private label = '';
  private lastTotal: number | undefined;
  private lastTenth = -1;

  constructor(private readonly mode: ProgressMode = progressModeFromEnv()) {}

  phase(label: string): Progress {
    this.stop();
    this.label = label;
    this.lastTenth = -1;
    if (this.mode === 'lines') process.stderr.write(`arenalab: ${label}\n`);
    return this;
  }

  report(done: number, total: number | undefined, message?: string): void {
    if (this.mode === 'lines') return this.reportLine(done, total);
    if (this.mode !== 'bar') return;
    if (!this.bar || total !== this.lastTotal) this.start(total);
    this.bar?.update(done, { label: this.label, message: message ?? '' });
  }

  private reportLine(done: number, total: number | undefined): void {
    if (total === undefined || total <= 0) return;
    const tenth = Math.floor((10 * done) / total);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    process.stderr.write(`arenalab: ${this.label} ${tenth * 10}% (${done}/${total})\n`);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
    this.lastTotal = undefined;
  }

  private start(total: number | undefined): void {
    this.bar?.stop();
    this.lastTotal = total;
    const format =
      total === undefined
        ? '{label} {value} done {message}'
        : '{label} [{bar}] {percentage}% {value}/{total} eta {eta_formatted} {message}';
    this.bar = new SingleBar(
      { format, stream: process.stderr, hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
      Presets.shades_classic,
    );
    this.bar.start(total ?? 0, 0, { label: this.label, message: '' });
  }
}
