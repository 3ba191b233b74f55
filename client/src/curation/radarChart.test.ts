import { strict as assert } from 'node:assert';
import { radarChartSvg, radarPoint } from './radarChart';

const AXES = ['completeness', 'provenance', 'impact', 'uniqueness', 'coherence'];

describe('radarChart', () => {
  it('puts axis 0 straight up and the others clockwise, scaled by the value', () => {
    const up = radarPoint(0, 4, 100, 50, 100);
    assert.deepEqual([Math.round(up.x), Math.round(up.y)], [100, 50]);
    const right = radarPoint(1, 4, 50, 50, 100);
    assert.deepEqual([Math.round(right.x), Math.round(right.y)], [125, 100]);
    const centre = radarPoint(2, 4, -20, 50, 100);
    assert.deepEqual([Math.round(centre.x), Math.round(centre.y)], [100, 100], 'values below 0 clamp to the centre');
    const nan = radarPoint(3, 4, Number.NaN, 50, 100);
    assert.deepEqual([Math.round(nan.x), Math.round(nan.y)], [100, 100]);
  });

  it('draws five rings, one spoke and label per dimension, one polygon per series with the scores', () => {
    const svg = radarChartSvg(AXES, [{ label: 'before', values: [100, 0, 50, 100, 0], className: 'before' }, { label: 'after', values: [100, 100, 50, 100, 0], className: 'after' }]);
    assert.equal(svg.match(/class="ring"/g)?.length, 5);
    assert.equal(svg.match(/class="axis"/g)?.length, 5);
    assert.equal(svg.match(/class="series /g)?.length, 2);
    for (const axis of AXES) assert.match(svg, new RegExp(`>${axis} \\d+</text>`));
    assert.match(svg, />provenance 100</, 'labels carry the last series (after) scores');
    // size 320 + margins 120: centre 280, radius 160; `after` reaches the top at full completeness.
    assert.match(svg, /class="series after" points="280,120 /);
    assert.doesNotMatch(svg, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'nothing remote');
  });

  it('escapes labels and class names and refuses fewer than three axes', () => {
    const svg = radarChartSvg(['<a>', 'b&c', '"d"'], [{ label: '<script>alert(1)</script>', values: [1, 2, 3], className: 'x" onload="y' }]);
    assert.doesNotMatch(svg, /<script>|<a>|onload="/);
    assert.match(svg, /&lt;a&gt;/);
    assert.match(svg, /b&amp;c/);
    assert.throws(() => radarChartSvg(['a', 'b'], []), RangeError);
  });
});
