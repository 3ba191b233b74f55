import { strict as assert } from 'node:assert';
import type { SuggestionTracker } from './suggestionTracker';
import { insert, setup, suggestion, URI } from './trackerHarness';

describe('SuggestionTracker', () => {
  it('reports shown, then accepted when the item command runs', () => {
    const { reports, tracker, activity, timers } = setup();
    assert.equal(tracker.shown(suggestion('a')), 'a');
    tracker.accepted('a');
    assert.deepEqual(reports, [{ suggestionId: 'a', outcome: 'shown' }, { suggestionId: 'a', outcome: 'accepted' }]);
    assert.deepEqual(activity, [true, false]);
    assert.equal(timers.count, 0);
  });

  it('counts the whole suggestion arriving as one edit as accepted, once, even when the command follows', () => {
    const { reports, tracker } = setup();
    tracker.shown(suggestion('a', { anchor: 110, before: 'con', ghost: 'st x = 1;' }));
    // VS Code replaces the item range (from the start of `con`) with the whole insert text.
    tracker.documentChanged([{ uri: URI, offset: 107, length: 3, text: 'const x = 1;' }]);
    tracker.accepted('a');
    assert.deepEqual(reports.map((r) => r.outcome), ['shown', 'accepted']);
  });

  it('a word accepted with Ctrl+Right, then the rest with Tab, is one full acceptance', () => {
    const { reports, tracker } = setup();
    tracker.shown(suggestion('a'));
    tracker.documentChanged([insert(110, 'compute')]);
    assert.equal(tracker.activeId, 'a');
    tracker.accepted('a');
    assert.deepEqual(reports.map((r) => r.outcome), ['shown', 'accepted']);
  });

  it('a word accepted and then different typing is a partial acceptance with the accepted prefix', () => {
    const { reports, tracker } = setup();
    tracker.shown(suggestion('a'));
    tracker.documentChanged([insert(110, 'compute')]);
    tracker.documentChanged([insert(117, 'X')]);
    assert.deepEqual(reports[1], { suggestionId: 'a', outcome: 'partially_accepted', acceptedText: 'compute' });
    assert.equal(tracker.activeId, undefined);
  });

  it('a line accepted from a multi-line suggestion, then a timeout, is a partial acceptance of that line', () => {
    const { reports, tracker, timers } = setup(1000);
    tracker.shown(suggestion('a', { ghost: 'if (x) {\n  y();\n}' }));
    tracker.documentChanged([insert(110, 'if (x) {\r\n')]);
    timers.advance(999);
    assert.equal(reports.length, 1, 'the partial acceptance restarted the timer');
    timers.advance(1);
    assert.deepEqual(reports[1], { suggestionId: 'a', outcome: 'partially_accepted', acceptedText: 'if (x) {\n' });
  });

  it('accept next word of a one-character word (a dot) is a partial acceptance, unlike typing that character', () => {
    const { reports, tracker } = setup();
    tracker.shown(suggestion('a', { ghost: '.info(x);' }));
    tracker.partialAcceptRequested();
    tracker.documentChanged([insert(110, '.')]);
    tracker.documentChanged([insert(111, 'X')]);
    assert.deepEqual(reports[1], { suggestionId: 'a', outcome: 'partially_accepted', acceptedText: '.' });
  });

  it('typing along one character at a time is not an acceptance: diverging afterwards is typed over', () => {
    const { reports, tracker } = setup();
    tracker.shown(suggestion('a'));
    tracker.documentChanged([insert(110, 'c')]);
    tracker.documentChanged([insert(111, 'o')]);
    tracker.documentChanged([insert(112, 'u')]);
    assert.deepEqual(reports[1], { suggestionId: 'a', outcome: 'dismissed', reason: 'typed_over' });
  });

  it('typed along, then replaced by its own continuation: partially accepted, and the continuation is shown', () => {
    const { reports, tracker } = setup();
    tracker.shown(suggestion('a'));
    tracker.documentChanged([insert(110, 'c')]);
    tracker.documentChanged([insert(111, 'o')]);
    assert.equal(tracker.shown(suggestion('b', { anchor: 112, before: 'co', ghost: 'mpute(a, b);' })), 'b');
    tracker.accepted('b');
    assert.deepEqual(reports, [
      { suggestionId: 'a', outcome: 'shown' },
      { suggestionId: 'a', outcome: 'partially_accepted', acceptedText: 'co' },
      { suggestionId: 'b', outcome: 'shown' },
      { suggestionId: 'b', outcome: 'accepted' },
    ]);
  });

  it('the same text at the same place with nothing typed since keeps its first id', () => {
    const { reports, tracker } = setup();
    tracker.shown(suggestion('a'));
    assert.equal(tracker.shown(suggestion('b')), 'a');
    tracker.accepted('b');
    assert.deepEqual(reports, [{ suggestionId: 'a', outcome: 'shown' }, { suggestionId: 'a', outcome: 'accepted' }]);
  });

  it('a different suggestion replaces the displayed one, which is typed over', () => {
    const { reports, tracker } = setup();
    tracker.shown(suggestion('a'));
    tracker.shown(suggestion('b', { ghost: 'other();' }));
    assert.deepEqual(reports, [
      { suggestionId: 'a', outcome: 'shown' },
      { suggestionId: 'a', outcome: 'dismissed', reason: 'typed_over' },
      { suggestionId: 'b', outcome: 'shown' },
    ]);
  });

  it('Escape is an explicit dismissal; nothing for 15 s is a timeout', () => {
    const { reports, tracker, timers } = setup();
    tracker.shown(suggestion('a'));
    tracker.dismissedExplicitly();
    tracker.shown(suggestion('b', { anchor: 300 }));
    timers.advance(14_999);
    assert.equal(tracker.activeId, 'b');
    timers.advance(1);
    assert.deepEqual(reports.slice(1), [
      { suggestionId: 'a', outcome: 'dismissed', reason: 'explicit' },
      { suggestionId: 'b', outcome: 'shown' },
      { suggestionId: 'b', outcome: 'dismissed', reason: 'timeout' },
    ]);
  });

  it('backspace, Delete after the cursor, or an edit inside the part already typed are typed over', () => {
    for (const change of [
      { uri: URI, offset: 109, length: 1, text: '' },
      { uri: URI, offset: 110, length: 1, text: '' },
      { uri: URI, offset: 108, length: 1, text: 'Z' },
    ]) {
      const { reports, tracker } = setup();
      tracker.shown(suggestion('a', { before: 'xx' }));
      tracker.documentChanged([change]);
      assert.deepEqual(reports[1], { suggestionId: 'a', outcome: 'dismissed', reason: 'typed_over' }, JSON.stringify(change));
    }
  });

  it('edits above the suggestion shift it; edits below it or in another document leave it alone', () => {
    const { reports, tracker } = setup();
    tracker.shown(suggestion('a'));
    tracker.documentChanged([{ uri: URI, offset: 10, length: 5, text: '' }]);
    tracker.documentChanged([insert(500, 'zzz'), insert(105, 'zz', 'file:///w/b.ts')]);
    tracker.cursorMoved(URI, 105);
    assert.equal(tracker.activeId, 'a', 'the cursor is still at the shifted suggestion');
    tracker.documentChanged([insert(105, 'compute(a, b);')]);
    assert.deepEqual(reports.map((r) => r.outcome), ['shown', 'accepted']);
  });

  it('the cursor leaving, another editor or closing the document end it as typed over', () => {
    for (const leave of [
      (t: SuggestionTracker) => t.cursorMoved(URI, 3),
      (t: SuggestionTracker) => t.cursorMoved('file:///w/b.ts', 110),
      (t: SuggestionTracker) => t.cursorMoved(undefined, 0),
      (t: SuggestionTracker) => t.documentClosed(URI),
    ]) {
      const { reports, tracker } = setup();
      tracker.shown(suggestion('a'));
      leave(tracker);
      assert.deepEqual(reports[1], { suggestionId: 'a', outcome: 'dismissed', reason: 'typed_over' });
    }
  });

  it('accepting an alternative the developer cycled to dismisses the first explicitly and reports the alternative', () => {
    const { reports, tracker } = setup();
    tracker.shown(suggestion('a', { alternatives: ['b'] }));
    tracker.accepted('b');
    assert.deepEqual(reports, [
      { suggestionId: 'a', outcome: 'shown' },
      { suggestionId: 'a', outcome: 'dismissed', reason: 'explicit' },
      { suggestionId: 'b', outcome: 'shown' },
      { suggestionId: 'b', outcome: 'accepted' },
    ]);
  });

  it('reset (server restarted) stops tracking without reporting, and the timer never fires', () => {
    const { reports, tracker, timers } = setup();
    tracker.shown(suggestion('a'));
    tracker.reset();
    timers.advance(60_000);
    assert.deepEqual(reports, [{ suggestionId: 'a', outcome: 'shown' }]);
    assert.equal(tracker.activeId, undefined);
  });

  it('a changed timeout applies to the next suggestion', () => {
    const { reports, tracker, timers } = setup();
    tracker.setDismissTimeout(2000);
    tracker.shown(suggestion('a'));
    timers.advance(2000);
    assert.deepEqual(reports[1], { suggestionId: 'a', outcome: 'dismissed', reason: 'timeout' });
  });

});
