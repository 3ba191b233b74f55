import { StoreError } from './storeError';
import { WriterLock } from './writerLock';

/**
 * Test helper run as a child process: `node lockHolder.js DIR fail|wait [waitTimeoutMs]`. Prints `TRYING`, then
 * `LOCKED <pid>` once it holds the store's append lock (and keeps it until a `release` line arrives on stdin), or
 * `ERROR <code> <message>` when taking it fails with a StoreError.
 */
async function main(): Promise<void> {
  const [dir, lock, timeout] = process.argv.slice(2);
  process.stdout.write('TRYING\n');
  let lockHeld: WriterLock;
  try {
    lockHeld = await WriterLock.acquire(dir, {
      lock: lock === 'wait' ? 'wait' : 'fail',
      waitTimeoutMs: Number(timeout ?? 30000),
      pollIntervalMs: 20,
      command: 'lockHolder test',
    });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    process.stdout.write(`ERROR ${error.code} ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`LOCKED ${process.pid}\n`);
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) {
    if (String(chunk).includes('release')) break;
  }
  await lockHeld.release();
  process.stdout.write('RELEASED\n');
  process.stdin.destroy();
}

void main();
