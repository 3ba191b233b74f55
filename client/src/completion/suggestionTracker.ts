import type { DismissReason, FeedbackParams } from '@arenalab/protocol';

/** A suggestion as the editor displays it, in document offsets (no editor types, so the state machine is testable). */
export interface DisplayedSuggestion {
  id: string;
  uri: string;
  /** Offset where the ghost text starts: the cursor when the suggestion was displayed. */
  anchor: number;
  /** The part of the suggestion already in the document just before the anchor (item range start → cursor). */
  before: string;
  /** What accepting the whole suggestion inserts at the anchor (line breaks as `\n`). */
  ghost: string;
  /** Ids of the other items returned with it, displayed only if the developer cycles to them. */
  alternatives?: readonly string[];
}

/** One edit of a document, as the editor reports it: offsets in the text before the edit. */
export interface TextChange {
  uri: string;
  offset: number;
  length: number;
  text: string;
}

/** setTimeout/clearTimeout, injected so tests control time. */
export interface TimerPort {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SuggestionTrackerOptions {
  report(params: FeedbackParams): void;
  timers: TimerPort;
  dismissTimeoutMs: number;
  /** Told when a suggestion starts or stops being tracked (drives the Escape keybinding's context key). */
  onActiveChange?(active: boolean): void;
}

interface Active extends DisplayedSuggestion {
  /** Every id the developer saw this suggestion under (a re-request answering the same text gets a new id). */
  ids: Set<string>;
  /** Text of the suggestion inserted so far, typed along or accepted by word or line. */
  inserted: string;
  /**
   * Whether part of it was accepted rather than typed along: the accept word/line command ran before the insertion,
   * or (when that command is bound to another key) an insertion was more than the one character a keystroke makes.
   */
  acceptedPart: boolean;
  partAcceptPending: boolean;
  timer: unknown;
}

/** How many ended ids are remembered, so a late accept command or change for them is not reported twice. */
const ENDED_MEMORY = 256;

const lf = (text: string): string => text.replace(/\r\n/g, '\n');

/**
 * The life of displayed suggestions, from `shown` to exactly one terminal outcome: `accepted` (the item's command, or
 * the whole suggestion inserted), `partially_accepted` (a proper prefix inserted by word or line acceptance, then the
 * developer moved on; or typed along, then replaced by its own continuation), or `dismissed` — `explicit` (Escape, or cycling to another item and accepting it), `typed_over`
 * (the text at the suggestion changed in a way that does not match it, the cursor left it, or a different suggestion
 * replaced it) or `timeout` (nothing happened for `dismissTimeoutMs`). One suggestion is displayed at a time.
 */
export class SuggestionTracker {
  private active: Active | undefined;
  private readonly ended = new Set<string>();
  private dismissTimeoutMs: number;

  constructor(private readonly options: SuggestionTrackerOptions) {
    this.dismissTimeoutMs = options.dismissTimeoutMs;
  }

  /** Id of the suggestion being displayed, if any. */
  get activeId(): string | undefined {
    return this.active?.id;
  }

  setDismissTimeout(ms: number): void {
    this.dismissTimeoutMs = ms;
  }

  /**
   * A suggestion was displayed. The same text at the same place, with nothing typed since, is the same suggestion to
   * the developer: it keeps its first id. After the developer typed along or accepted part of it, a re-request that
   * answers the rest is its continuation: the first ends as partially accepted (what was inserted is what it
   * suggested) and the continuation is a new shown suggestion. Anything else replaces the displayed one, typed over.
   * Returns the id the developer is looking at.
   */
  shown(suggestion: DisplayedSuggestion): string {
    if (this.ended.has(suggestion.id)) return suggestion.id;
    const current = this.active;
    const continues = current !== undefined && this.continues(current, suggestion);
    if (current && (current.ids.has(suggestion.id) || (continues && current.inserted === ''))) {
      current.ids.add(suggestion.id);
      this.restartTimer(current);
      return current.id;
    }
    if (current && continues) this.finish(current, { suggestionId: current.id, outcome: 'partially_accepted', acceptedText: current.inserted });
    else if (current) this.end(current, 'typed_over');
    const next: Active = { ...suggestion, ghost: lf(suggestion.ghost), ids: new Set([suggestion.id]), inserted: '', acceptedPart: false, partAcceptPending: false, timer: undefined };
    this.active = next;
    this.options.report({ suggestionId: next.id, outcome: 'shown' });
    this.restartTimer(next);
    this.options.onActiveChange?.(true);
    return next.id;
  }

  /** The accept command of an item ran (Tab). */
  accepted(id: string): void {
    const current = this.active;
    if (this.ended.has(id)) return;
    if (current?.ids.has(id)) {
      this.finish(current, { suggestionId: current.id, outcome: 'accepted' });
      return;
    }
    // Not the displayed item: the developer cycled to an alternative (Alt+]) and accepted that one.
    if (current?.alternatives?.includes(id)) this.end(current, 'explicit');
    this.remember(id);
    this.options.report({ suggestionId: id, outcome: 'shown' });
    this.options.report({ suggestionId: id, outcome: 'accepted' });
  }

  /** VS Code's accept next word/line is about to run: the insertion it makes is an acceptance, even of one character. */
  partialAcceptRequested(): void {
    if (this.active) this.active.partAcceptPending = true;
  }

  /** Escape while the suggestion was displayed. */
  dismissedExplicitly(): void {
    if (this.active) this.end(this.active, 'explicit');
  }

  /** Edits of a document, in the order the editor applies them. */
  documentChanged(changes: readonly TextChange[]): void {
    for (const change of changes) {
      const current = this.active;
      if (current && change.uri === current.uri) this.apply(current, change);
    }
  }

  /** The cursor of the focused editor moved (or focus went to another document); leaving the suggestion ends it. */
  cursorMoved(uri: string | undefined, offset: number): void {
    const current = this.active;
    if (current && (uri !== current.uri || offset !== current.anchor)) this.end(current, 'typed_over');
  }

  documentClosed(uri: string): void {
    if (this.active?.uri === uri) this.end(this.active, 'typed_over');
  }

  /** The server restarted and forgot every id: stop tracking without reporting to a server that cannot place them. */
  reset(): void {
    const current = this.active;
    if (!current) return;
    this.options.timers.clear(current.timer);
    this.active = undefined;
    this.options.onActiveChange?.(false);
  }

  private continues(current: Active, next: DisplayedSuggestion): boolean {
    return next.uri === current.uri && next.anchor === current.anchor && lf(next.ghost) === current.ghost;
  }

  private apply(current: Active, change: TextChange): void {
    const anchor = current.anchor;
    const start = anchor - current.before.length;
    const changeEnd = change.offset + change.length;
    if (change.offset > anchor) return;
    if (changeEnd < anchor) {
      // Before the suggestion (another line, another cursor) it only shifts; inside the part already in place it
      // changes what the suggestion continues.
      if (changeEnd < start || (changeEnd === start && start < anchor)) current.anchor += change.text.length - change.length;
      else this.end(current, 'typed_over');
      return;
    }
    if (change.offset < start) return this.end(current, 'typed_over');
    // The edit touches the anchor: it may rewrite part of the suggestion already in place, then insert at the anchor.
    const rewritten = current.before.slice(current.before.length - (anchor - change.offset));
    if (!change.text.startsWith(rewritten)) return this.end(current, 'typed_over');
    const insertedRaw = change.text.slice(rewritten.length);
    if (insertedRaw === '') {
      if (changeEnd > anchor) this.end(current, 'typed_over');
      return;
    }
    const inserted = lf(insertedRaw);
    if (!current.ghost.startsWith(inserted)) return this.end(current, 'typed_over');
    current.inserted += inserted;
    current.acceptedPart ||= current.partAcceptPending || inserted.length > 1;
    current.partAcceptPending = false;
    current.ghost = current.ghost.slice(inserted.length);
    current.before += insertedRaw;
    current.anchor = change.offset + change.text.length;
    if (current.ghost === '') this.finish(current, { suggestionId: current.id, outcome: 'accepted' });
    else this.restartTimer(current);
  }

  /** Ends without a full acceptance: a partial acceptance if the developer took part of it, else a dismissal. */
  private end(current: Active, reason: DismissReason): void {
    const outcome: FeedbackParams = current.acceptedPart
      ? { suggestionId: current.id, outcome: 'partially_accepted', acceptedText: current.inserted }
      : { suggestionId: current.id, outcome: 'dismissed', reason };
    this.finish(current, outcome);
  }

  private finish(current: Active, outcome: FeedbackParams): void {
    this.options.timers.clear(current.timer);
    if (this.active === current) this.active = undefined;
    for (const id of current.ids) this.remember(id);
    this.options.report(outcome);
    this.options.onActiveChange?.(false);
  }

  private restartTimer(current: Active): void {
    this.options.timers.clear(current.timer);
    current.timer = this.options.timers.set(() => {
      if (this.active === current) this.end(current, 'timeout');
    }, this.dismissTimeoutMs);
  }

  private remember(id: string): void {
    this.ended.add(id);
    if (this.ended.size > ENDED_MEMORY) this.ended.delete(this.ended.values().next().value as string);
  }
}
