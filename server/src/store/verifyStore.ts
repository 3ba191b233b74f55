import * as path from 'node:path';
import { guard, LOG_FILE_NAME } from './openLog';
import { scanLog } from './logScan';
import { StoreError, type BrokenRecord, type DamagedRecords } from './storeError';

export interface VerifyReport {
  /** True when every line is a well-formed record that chains onto the one before. */
  ok: boolean;
  /** Records verified before the first broken one (all of them when `ok`). */
  records: number;
  /** Hash of the last verified record; compare it with a value kept elsewhere to detect a rewritten chain. */
  headHash: string;
  /** Size of the log file in bytes. */
  bytes: number;
  firstBroken?: BrokenRecord;
  /** Whether the damage is only an unfinished write at the end, which the next writer cuts. */
  repairableTail?: boolean;
  /** Complete lines whose bytes changed (checksum, parse), counted and the first ones listed; never cut. */
  damaged?: DamagedRecords;
  /** One or two sentences for a person. */
  message: string;
}

/**
 * Walks the whole chain and recomputes everything: line checksum, seq, prev link, record hash and span content
 * hash. It takes no lock and changes nothing, so it can run beside writers (it then checks what was written so far;
 * an append in progress at that moment shows as an unfinished last line).
 */
export async function verifyStore(dir: string): Promise<VerifyReport> {
  const root = path.resolve(dir);
  const logPath = path.join(root, LOG_FILE_NAME);
  const scan = await guard(() => scanLog(logPath, { deep: true }, () => undefined), `cannot read ${logPath}`).catch(
    (error: unknown) => {
      if (error instanceof StoreError && (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
        throw new StoreError('missing', `no span store at ${root} (${LOG_FILE_NAME} not found)`);
      }
      throw error;
    },
  );
  const base = { records: scan.records, headHash: scan.headHash, bytes: scan.fileEnd };
  if (!scan.firstBroken) {
    return { ok: true, ...base, message: `${logPath}: ${scan.records} records, chain intact, head ${scan.headHash}` };
  }
  const broken = scan.firstBroken;
  const repairableTail = scan.tail !== undefined;
  const where = `record ${broken.position} (line ${broken.line}, byte ${broken.byteOffset})`;
  const damaged = scan.damaged.count > 0 ? `${scan.damaged.count} damaged record${scan.damaged.count === 1 ? '' : 's'} in all (at ${scan.damaged.listed.map((r) => r.position).join(', ')}${scan.damaged.count > scan.damaged.listed.length ? ', …' : ''}). ` : '';
  const consequence = repairableTail
    ? `Only the end of the log is affected (${scan.tail?.bytes} bytes of a write that did not finish, never acknowledged); the next writer cuts it.`
    : `${EXPLANATIONS[broken.reason]} ${damaged}Records before it are intact; nothing is cut, and the store will not open until ` +
      '`arenalab verify --repair` moves what is broken into a quarantine file.';
  return {
    ok: false,
    ...base,
    firstBroken: broken,
    repairableTail,
    damaged: scan.damaged,
    message: `${logPath}: first broken record is ${where}: ${broken.reason}: ${broken.detail}. ${consequence}`,
  };
}

const EXPLANATIONS: Record<BrokenRecord['reason'], string> = {
  torn_tail: 'A write did not finish.',
  checksum: 'The bytes of the line changed after they were written (disk or copy corruption).',
  parse: 'The line has a valid checksum but is not a record: it was written by hand or by another program.',
  sequence: 'A record is missing, duplicated or out of order here (a deleted, repeated or swapped line).',
  chain: 'The record does not link to the one before: a line before it was removed, replaced or reordered.',
  hash: 'The record content does not match its hash: it was edited after it was written (tampering).',
};
