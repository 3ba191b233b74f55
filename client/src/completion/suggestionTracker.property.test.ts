import { assertOneTerminalEach, insert, setup, suggestion, URI } from './trackerHarness';

describe('SuggestionTracker under any sequence of events', () => {
  it('any sequence of events ends every shown suggestion exactly once', () => {
    // A small seeded walk over all event kinds.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let run = 0; run < 200; run++) {
      const { reports, tracker, timers } = setup(1000);
      let n = 0;
      for (let step = 0; step < 30; step++) {
        const id = tracker.activeId ?? `s${n}`;
        switch (random(9)) {
          case 0: tracker.shown(suggestion(`s${n++}`, { anchor: 110 + random(3), ghost: random(2) ? 'ab cd' : 'ab' })); break;
          case 1: tracker.accepted(random(2) || n === 0 ? id : `s${random(n)}`); break;
          case 2: tracker.dismissedExplicitly(); break;
          case 3: tracker.documentChanged([insert(110 + random(3), ['a', 'ab', 'x', 'ab cd'][random(4)])]); break;
          case 4: tracker.cursorMoved(URI, 110 + random(3)); break;
          case 5: timers.advance(500); break;
          case 6: tracker.documentChanged([{ uri: URI, offset: 100 + random(15), length: random(3), text: '' }]); break;
          case 7: tracker.partialAcceptRequested(); break;
          default: tracker.documentClosed(random(2) ? URI : 'file:///other');
        }
      }
      timers.advance(10_000);
      assertOneTerminalEach(reports);
    }
  });
});
