import { InterruptToken } from './interruptToken';
import { TerminalProgress } from './terminalProgress';

/**
 * Runs long CLI work with Ctrl-C turned into a Cancellation and a progress bar on a terminal, and always cleans both
 * up. The bar is stopped before the result is returned, so printing it never interleaves with the bar.
 */
export async function withCliWork<T>(work: (token: InterruptToken, progress: TerminalProgress) => Promise<T>): Promise<T> {
  const token = new InterruptToken();
  const progress = new TerminalProgress();
  try {
    return await work(token, progress);
  } finally {
    progress.stop();
    token.dispose();
  }
}
