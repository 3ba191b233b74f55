import * as fs from 'node:fs';

/**
 * Threads currently owned by a real uid, from /proc. Without root the sandbox runs under the caller's own uid, and
 * RLIMIT_NPROC counts all of that uid's threads, so the limit has to be set above what already runs.
 */
export function processesOfUser(uid: number): number {
  let threads = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const realUid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
      if (Number(realUid) === uid) threads += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
    } catch {
      // The process ended while we looked.
    }
  }
  return threads;
}
