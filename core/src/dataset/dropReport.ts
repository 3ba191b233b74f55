import type { DropReason, DropReport } from './datasetTypes';
import { DROP_REASONS } from './datasetTypes';

/** Collects what a build left out and why. */
export class DropRecorder {
  private readonly report: DropReport = {
    counts: Object.fromEntries(DROP_REASONS.map((reason) => [reason, 0])) as Record<DropReason, number>,
    dropped: [],
  };

  drop(id: string, reason: DropReason, detail: string): void {
    this.report.counts[reason]++;
    this.report.dropped.push({ id, reason, detail });
  }

  result(): DropReport {
    return this.report;
  }
}
