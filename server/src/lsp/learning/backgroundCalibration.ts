import { CancelledError, seededRandom, yieldToHost } from '@arenalab/core';
import type { Cancellation, SelfCalibration } from '@arenalab/core';

/** One seed for every run: the same workspace gives the same calibration. */
const SEED = 1;
/** How often a paused run looks again whether the requests it waits for are done. */
const BUSY_RECHECK_MS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The engine's self-calibration run in the background whenever the index becomes ready: a new run cancels the one
 * before it (the index changed under it), and before each held-out case the run gives the event loop a turn and then
 * waits while a completion request is being answered (`busy`), so a request waits at most for the one case that was
 * running when it arrived; shutdown cancels whatever runs. Until the first run ends the confidence is the raw score.
 */
export class BackgroundCalibration {
  private current: { cancelled: boolean } | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly calibration: SelfCalibration,
    private readonly log: (line: string) => void,
    private readonly busy: () => boolean = () => false,
  ) {}

  private async pause(): Promise<void> {
    await yieldToHost();
    while (this.busy()) await sleep(BUSY_RECHECK_MS);
  }

  /** Starts a run (cancelling the running one); the promise ends with the run, never rejects. */
  restart(): Promise<void> {
    this.cancel();
    const token = { cancelled: false };
    this.current = token;
    const cancellation: Cancellation = { get isCancelled() { return token.cancelled; } };
    const previous = this.running ?? Promise.resolve();
    this.running = previous.then(() => this.run(cancellation));
    return this.running;
  }

  cancel(): void {
    if (this.current) this.current.cancelled = true;
  }

  private async run(token: Cancellation): Promise<void> {
    if (token.isCancelled) return;
    try {
      const samples = await this.calibration.fitWorkspace({ random: seededRandom(SEED), token, pause: () => this.pause() });
      this.log(`confidence calibrated on ${samples} held-out sample(s) of the workspace (${this.calibration.samples} with outcomes)`);
    } catch (error) {
      if (!(error instanceof CancelledError)) this.log(`confidence calibration failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
