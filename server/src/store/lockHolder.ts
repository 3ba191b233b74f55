import { SpanStore } from './spanStore';
import { StoreError } from './storeError';

/**
 * Test helper run as a child process: `node lockHolder.js DIR fail|wait [waitTimeoutMs]`. Prints `TRYING`, then
 * `LOCKED <pid>` once it holds the store for writing (and keeps it until a `release` line arrives on stdin), or
 * `ERROR <code> <message>` when the open fails with a StoreError.
 */
async function main(): Promise<void> {
  const [dir, lock, timeout] = process.argv.slice(2);
  process.stdout.write('TRYING\n');
  let store: SpanStore;
  try {
    store = await SpanStore.open(dir, {
      mode: 'write',
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
  await store.close();
  process.stdout.write('RELEASED\n');
  process.stdin.destroy();
}

void main();
