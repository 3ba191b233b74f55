import { redactSpanSecrets, validateSpan } from '@arenalab/core';
import type { Clock, Span } from '@arenalab/core';
import type { SpanStore } from '../store';
import { mayRecord, RECORD_EVERYTHING } from './recordingPolicy';
import type { RecordingPolicy } from './recordingPolicy';

/** Runs are linked to the suggestions accepted this long before them: older code has likely been run already. */
export const ACCEPTED_LINK_WINDOW_MS = 10 * 60 * 1000;

/** Spans waiting for a store that is still opening; past this the oldest are dropped, so memory stays bounded. */
const MAX_PENDING = 10_000;

/** Accepted suggestions remembered for linking runs, however fast they come; the oldest go first. */
const MAX_REMEMBERED_ACCEPTED = 1000;

/** An accepted suggestion a later run may link to. */
interface AcceptedEntry {
  id: string;
  atMs: number;
  /** The document it was accepted in, when known. */
  uri?: string;
}

export interface OutcomeRecorderDeps {
  clock: Clock;
  /** Where problems go (the LSP log); recording never throws into a request. */
  log(line: string): void;
  /** Sees every span recorded (validated and redacted), e.g. the online learner; must not throw. */
  observe?(span: Span): void;
}

/**
 * Turns outcome spans into durable appends without ever making a completion wait: `record` only validates, redacts
 * and queues; the queue is appended in one batch per turn of the event loop, each batch awaited (fsync'd) before the
 * next. Several recorders (windows) may share one store: each append takes the store's append lock for a moment.
 * Without a store (none attached, or it could not be opened) spans are still validated and ids still returned, so links
 * between outcomes stay consistent, but nothing is written.
 */
export class OutcomeRecorder {
  private pending: Span[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private scheduled = false;
  private attachStore: (store: Promise<SpanStore | undefined>) => void = () => undefined;
  private store: Promise<SpanStore | undefined>;
  private attached = false;
  private readonly accepted: AcceptedEntry[] = [];
  private policy: RecordingPolicy = { ...RECORD_EVERYTHING };

  constructor(private readonly deps: OutcomeRecorderDeps) {
    this.store = new Promise((resolve) => (this.attachStore = resolve));
  }

  /** Gives the recorder its store once (opening it takes a moment); undefined means outcomes are not stored. */
  attach(store: Promise<SpanStore | undefined>): void {
    if (this.attached) return;
    this.attached = true;
    this.attachStore(this.logged(store));
  }

  /**
   * Moves recording to another store (the store location setting changed): everything recorded until the current
   * store's turn to close (this call, and what arrives before its queued appends ran) is appended to it, then it is
   * closed (releasing its lock) before `open` is called; later spans wait in the queue for the new one. Resolves once
   * the new store is open (or known to be unusable).
   */
  relocate(open: () => Promise<SpanStore | undefined>): Promise<void> {
    if (!this.attached) {
      this.attach(open());
      return this.store.then(() => undefined);
    }
    this.flushing = this.flushing.then(async () => {
      const old = await this.store;
      await this.appendPending(old);
      await old?.close().catch((error: unknown) => this.deps.log(`closing the span store failed: ${String(error)}`));
      this.store = this.logged(open());
      await this.store;
    });
    return this.flushing;
  }

  private logged(store: Promise<SpanStore | undefined>): Promise<SpanStore | undefined> {
    return store.catch((error: unknown) => {
      this.deps.log(`outcomes are not recorded: opening the span store failed: ${String(error)}`);
      return undefined;
    });
  }

  /** What is recorded from now on; spans already queued are still written. */
  setPolicy(policy: RecordingPolicy): void {
    this.policy = { ...policy };
  }

  get recordingPolicy(): Readonly<RecordingPolicy> {
    return this.policy;
  }

  /**
   * Validates, redacts and queues a span; resolves nothing so callers cannot wait on the disk. Returns the span's id,
   * or undefined (logged) when the span is invalid.
   */
  record(draft: Omit<Span, 'id'>, options: { accepted?: boolean; uri?: string } = {}): string | undefined {
    // Redact first: the id is derived from the content, and the stored content is the redacted one.
    const { span: redacted } = redactSpanSecrets(draft as Span);
    const result = validateSpan(redacted);
    if (!result.ok) {
      this.deps.log(`outcome span ${draft.did} at ${draft.this} not recorded: ${result.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
      return undefined;
    }
    // Off by the developer's choice: the id still comes back so callers and links behave the same, nothing is kept.
    if (!mayRecord(this.policy, result.span.did)) return result.span.id;
    if (this.pending.length >= MAX_PENDING) {
      this.pending.shift();
      this.deps.log(`outcome spans arrive faster than the store opens; dropped the oldest (${MAX_PENDING} waiting)`);
    }
    this.pending.push(result.span);
    this.deps.observe?.(result.span);
    if (options.accepted) this.rememberAccepted({ id: result.span.id, atMs: this.deps.clock.now(), uri: options.uri });
    this.schedule();
    return result.span.id;
  }

  /**
   * Ids of the accepted-suggestion spans recorded within the last `windowMs`, oldest first; only those accepted in
   * one of `uris` when given (the documents a run concerns), since code in other files was not what it exercised.
   */
  acceptedWithin(windowMs: number = ACCEPTED_LINK_WINDOW_MS, uris?: readonly string[]): string[] {
    this.forgetAcceptedBefore(this.deps.clock.now() - ACCEPTED_LINK_WINDOW_MS);
    const since = this.deps.clock.now() - windowMs;
    const inDocuments = uris === undefined ? undefined : new Set(uris);
    return this.accepted.filter((a) => a.atMs >= since && (inDocuments === undefined || (a.uri !== undefined && inDocuments.has(a.uri)))).map((a) => a.id);
  }

  /** Accepted suggestions currently remembered for linking; bounded by the window and MAX_REMEMBERED_ACCEPTED. */
  get rememberedAccepted(): number {
    return this.accepted.length;
  }

  private rememberAccepted(entry: AcceptedEntry): void {
    // Pruned here too: a session without runs must not accumulate acceptances.
    this.forgetAcceptedBefore(entry.atMs - ACCEPTED_LINK_WINDOW_MS);
    this.accepted.push(entry);
    if (this.accepted.length > MAX_REMEMBERED_ACCEPTED) this.accepted.shift();
  }

  private forgetAcceptedBefore(sinceMs: number): void {
    while (this.accepted.length > 0 && this.accepted[0].atMs < sinceMs) this.accepted.shift();
  }

  /** Resolves once everything recorded so far is durable (or, without a store, discarded). */
  drain(): Promise<void> {
    return this.flushing;
  }

  /** Writes what is queued and closes the store; used on shutdown. */
  async close(): Promise<void> {
    this.attach(Promise.resolve(undefined));
    await this.drain();
    const store = await this.store;
    await store?.close().catch((error: unknown) => this.deps.log(`closing the span store failed: ${String(error)}`));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.flushing = this.flushing.then(() => this.flush());
  }

  private async flush(): Promise<void> {
    const store = await this.store;
    // Everything recorded until now goes into one batch: one fsync for a burst of feedback.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.scheduled = false;
    await this.appendPending(store);
  }

  private async appendPending(store: SpanStore | undefined): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (store === undefined || batch.length === 0) return;
    try {
      await store.append(batch);
    } catch (error) {
      this.deps.log(`storing ${batch.length} outcome span(s) failed: ${String(error)}`);
    }
  }
}
