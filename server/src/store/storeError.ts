/**
 * Every failure of the span store surfaces as a `StoreError` with a literal `code`, so callers (the CLI, the LSP
 * server) can map it to a message without parsing text. Subclasses only add readonly context.
 */
export type StoreErrorCode =
  /** Another live process holds the single-writer lock. */
  | 'locked'
  /** The log is damaged before its tail, or was tampered with; see `StoreCorruptError`. */
  | 'corrupt'
  /** The file system refused a read, write, sync or truncate. */
  | 'io'
  /** The store was closed, or left unusable by a failed write. */
  | 'closed'
  /** A read-mode open or a verify found no log in the directory. */
  | 'missing'
  /** A write was attempted on a store opened in read mode. */
  | 'read_only';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/** Why a record is not trusted. Shared by recovery, `verifyStore` and corruption errors. */
export type BrokenReason = 'torn_tail' | 'checksum' | 'chain' | 'hash' | 'parse' | 'sequence';

/** Where the first untrusted record sits, in three coordinates so a person can find it with any tool. */
export interface BrokenRecord {
  /** 0-based record index: the number of lines before it. */
  position: number;
  /** 1-based line number in the log file. */
  line: number;
  /** Byte offset of the start of the line. */
  byteOffset: number;
  reason: BrokenReason;
  /** One sentence on what did not match. */
  detail: string;
}

/** Damaged lines of a log: how many, and the first few of them. */
export interface DamagedRecords {
  count: number;
  listed: BrokenRecord[];
}

export class StoreCorruptError extends StoreError {
  readonly broken: BrokenRecord;
  readonly logPath: string;
  readonly damaged: DamagedRecords;

  constructor(logPath: string, broken: BrokenRecord, damaged: DamagedRecords = { count: 0, listed: [] }) {
    super(
      'corrupt',
      `span store log ${logPath} is damaged at record ${broken.position} (line ${broken.line}, byte ${broken.byteOffset}): ` +
        `${broken.reason}: ${broken.detail}. ${describeDamaged(damaged)}Nothing was cut or changed; ` +
        'run `arenalab verify` for details and `arenalab verify --repair` to move damaged records into a quarantine file.',
    );
    this.name = 'StoreCorruptError';
    this.logPath = logPath;
    this.broken = broken;
    this.damaged = damaged;
  }
}

function describeDamaged(damaged: DamagedRecords): string {
  if (damaged.count === 0) return '';
  const positions = damaged.listed.map((record) => record.position).join(', ');
  const more = damaged.count > damaged.listed.length ? ', …' : '';
  return `${damaged.count} complete record${damaged.count === 1 ? ' is' : 's are'} damaged (at record${damaged.count === 1 ? '' : 's'} ${positions}${more}). `;
}

/** Who holds the writer lock, as recorded in the lock file. */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** ISO-8601 time the lock was taken. */
  since: string;
  /** What the holder is doing, e.g. `arenalab ingest`. */
  command: string;
  /** Unique per acquisition; lets a stale-lock takeover tell one holder from the next. */
  nonce: string;
  /** The holder's process start time where the system tells it (Linux /proc): a reused pid does not match it. */
  started?: string;
}

export class StoreLockedError extends StoreError {
  readonly dir: string;
  /** Undefined when the lock file could not be read. */
  readonly owner: LockOwner | undefined;

  constructor(dir: string, owner: LockOwner | undefined, waitedMs: number | undefined) {
    const holder = owner
      ? `process ${owner.pid}${owner.hostname ? ` on ${owner.hostname}` : ''} (${owner.command || 'unknown command'}, since ${owner.since})`
      : 'a process whose lock file cannot be read (remove it if no arenalab process is running)';
    const advice = waitedMs === undefined ? 'wait for it or retry with --wait' : `gave up after waiting ${waitedMs} ms`;
    super('locked', `store ${dir} is locked by ${holder}; ${advice}`);
    this.name = 'StoreLockedError';
    this.dir = dir;
    this.owner = owner;
  }
}
