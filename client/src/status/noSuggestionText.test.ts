import { strict as assert } from 'node:assert';
import { noSuggestionText } from './noSuggestionText';

describe('noSuggestionText', () => {
  it('gives the threshold case its numbers', () => {
    const text = noSuggestionText({ reason: 'below-threshold', bestConfidence: 0.317, threshold: 0.5 });
    assert.equal(text.short, 'no suggestion: below threshold (32% < 50%)');
    assert.match(text.sentence, /32% confidence, below the show threshold of 50% \(arenalab\.confidenceThreshold\)/);
  });

  it('says until when a snooze ends and how to end it now', () => {
    const text = noSuggestionText({ reason: 'snoozed', snoozedUntil: '14:05' });
    assert.equal(text.short, 'no suggestion: snoozed');
    assert.match(text.sentence, /snoozed until 14:05; "ArenaLab: Resume suggestions"/);
  });

  it('names the setting or the principle behind each other reason', () => {
    assert.match(noSuggestionText({ reason: 'language-off' }).sentence, /arenalab\.languages/);
    assert.match(noSuggestionText({ reason: 'disabled' }).sentence, /arenalab\.enabled/);
    assert.match(noSuggestionText({ reason: 'in-comment' }).sentence, /arenalab\.suggestInComments/);
    assert.match(noSuggestionText({ reason: 'withheld', principle: 'no_excluded_content' }).sentence, /\(no_excluded_content\)/);
    assert.equal(noSuggestionText({ reason: 'too-large' }).short, 'no suggestion: file too large');
    assert.equal(noSuggestionText({ reason: 'no-match' }).short, 'no suggestion: no match');
  });
});
