import { strict as assert } from 'node:assert';
import { PICTOGRAPH } from '../shared/icons';
import { CurationFlow } from './curationFlow';
import { renderCurationView, spanCard } from './curationHtml';
import { agreed, item, quality, queue } from './curationTestData';

const EVIL = '<img src=x onerror="alert(1)">';

describe('curationHtml', () => {
  it('escapes every span field, context and metadata key and value', () => {
    const html = spanCard(item(EVIL, { who: EVIL, did: EVIL, this: EVIL, if_ok: EVIL, if_not: EVIL, confirmed_by: EVIL, context: { [EVIL]: EVIL }, metadata: { k: { nested: EVIL } } }).span);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  });

  it('rapid fire: a countdown, three enabled buttons with their keys, the score', () => {
    const flow = new CurationFlow();
    flow.load(queue([item('a')], { score: { xp: 30, streak: 2, bestStreak: 4, judged: 5, agreed: 3, level: 1 }, remaining: 12 }));
    const html = renderCurationView(flow.view());
    assert.match(html, /<progress id="timebar" max="5000" value="5000">/);
    assert.deepEqual(html.match(/data-verdict="(\w+)"/g), ['data-verdict="diamond"', 'data-verdict="maybe"', 'data-verdict="trash"']);
    assert.doesNotMatch(html, /data-verdict="\w+" disabled/);
    assert.match(html, /<svg class="icon icon-thumbs-up"[^>]*>.*?<\/svg> Diamond <kbd>1<\/kbd>/);
    assert.match(html, /<svg class="icon icon-question"[^>]*>.*?<\/svg> Maybe <kbd>2<\/kbd>/);
    assert.match(html, /<svg class="icon icon-thumbs-down"[^>]*>.*?<\/svg> Trash <kbd>3<\/kbd>/);
    assert.match(html, /<svg class="icon icon-zap"[^>]*>.*?<\/svg> Rapid fire/);
    assert.doesNotMatch(html, PICTOGRAPH, 'no emoji, which render as empty boxes without an emoji font');
    assert.match(html, /<span id="xp" data-xp="30">30 XP<\/span>/);
    assert.match(html, /streak 2<\/span> \(best 4\)/);
    assert.match(html, /12 spans to judge/);
  });

  it('after a verdict: buttons disabled, no countdown, the message; the breakdown only on a disagreement', () => {
    const flow = new CurationFlow();
    flow.load(queue([item('a')]));
    flow.verdictAnswered(agreed(10));
    let html = renderCurationView(flow.view());
    assert.match(html, /data-verdict="diamond" disabled/);
    assert.doesNotMatch(html, /id="countdown"/);
    assert.match(html, /\+10 XP, good intuition!/);
    assert.doesNotMatch(html, /class="breakdown"/);
    flow.load(queue([item('b')]));
    flow.verdictAnswered(agreed(10, { outcome: 'disagreed', xpGained: 0, message: 'The meter says trash: see its breakdown. Streak reset.', expected: 'trash', quality: quality(40, 'discarded') }));
    html = renderCurationView(flow.view());
    assert.match(html, /class="feedback disagreed"/);
    assert.match(html, /class="breakdown"/);
    assert.match(html, /completeness rule: \+40/);
  });

  it('deep analysis: the radar of the five dimensions, the enrichment form, and before/after once rescored', () => {
    const flow = new CurationFlow();
    flow.load(queue([item('a', {}, quality(60, 'needs_enrichment'))]));
    flow.setMode('deep');
    let html = renderCurationView(flow.view());
    assert.match(html, /<svg class="radar"/);
    assert.match(html, /class="series current"/);
    assert.match(html, /id="enrich-context"/);
    assert.match(html, /data-action="rescore"/);
    assert.doesNotMatch(html, /data-verdict=/);
    flow.rememberEnrichment({ context: 'stakes = high', metadata: '', confirmed_by: `${EVIL}` });
    flow.rescoreAnswered({ ok: true, span: item('a').span, before: quality(60, 'needs_enrichment'), after: quality(82), delta: { completeness: 22, provenance: 22, impact: 22, uniqueness: 22, coherence: 22, total_score: 22 } });
    html = renderCurationView(flow.view());
    assert.match(html, /class="series before"/);
    assert.match(html, /class="series after"/);
    assert.match(html, /Rescored: needs enrichment → diamond/);
    assert.match(html, /<textarea id="enrich-context"[^>]*>stakes = high<\/textarea>/, 'what was typed stays');
    assert.match(html, /id="enrich-confirmed" type="text" placeholder="npm test passed" value="&lt;img src=x onerror=&quot;/);
    assert.match(html, /<th scope="row">total<\/th><td class="num">60<\/td><td class="num">82<\/td><td class="num delta up">\+22<\/td>/);
  });

  it('says when nothing is left, and shows a problem escaped', () => {
    const flow = new CurationFlow();
    flow.load(queue([], { problem: `no store ${EVIL}` }));
    const html = renderCurationView(flow.view());
    assert.match(html, /Nothing left to judge/);
    assert.match(html, /data-action="refresh"/);
    assert.match(html, /role="alert">no store &lt;img/);
  });
});
