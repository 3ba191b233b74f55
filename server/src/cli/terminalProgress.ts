import { SingleBar, Presets } from 'cli-progress';
import type { Progress } from '@arenalab/core';

/**
 * A progress bar on stderr when it is a terminal; nothing otherwise, so piped `--json` output and CI logs stay clean.
 * One instance draws one phase at a time; `phase()` starts a new labelled bar.
 */
export class TerminalProgress implements Progress {
  private bar: SingleBar | undefined;
  private label = '';
  private lastTotal: number | undefined;

  constructor(private readonly enabled: boolean = Boolean(process.stderr.isTTY)) {}

  phase(label: string): Progress {
    this.stop();
    this.label = label;
    return this;
  }

  report(done: number, total: number | undefined, message?: string): void {
    if (!this.enabled) return;
    if (!this.bar || total !== this.lastTotal) this.start(total);
    this.bar?.update(done, { label: this.label, message: message ?? '' });
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
