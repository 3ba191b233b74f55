import { strict as assert } from 'node:assert';
import { NoSuggestionInbox } from './noSuggestionInbox';

describe('NoSuggestionInbox', () => {
  const place = { line: 3, character: 7 };

  it("gives the reason to the answer at the same place, once", () => {
    const inbox = new NoSuggestionInbox();
    inbox.receive({ uri: 'file:///a.ts', position: place, reason: 'below-threshold', bestConfidence: 0.3, threshold: 0.5 });
    assert.deepEqual(inbox.take('file:///a.ts', { ...place }), { reason: 'below-threshold', bestConfidence: 0.3, threshold: 0.5 });
    assert.equal(inbox.take('file:///a.ts', place), undefined);
  });

  it('gives nothing to an answer elsewhere, and forgets the reason then', () => {
    const inbox = new NoSuggestionInbox();
    inbox.receive({ uri: 'file:///a.ts', position: place, reason: 'no-match' });
    assert.equal(inbox.take('file:///a.ts', { line: 3, character: 8 }), undefined);
    inbox.receive({ uri: 'file:///a.ts', position: place, reason: 'no-match' });
    assert.equal(inbox.take('file:///b.ts', place), undefined);
    assert.equal(inbox.take('file:///a.ts', place), undefined);
  });
});
