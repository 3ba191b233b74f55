import { strict as assert } from 'node:assert';
import { estimateTokens, limitText, streamPieces } from './openaiShapes';
import { counter, exposition, Histogram } from './prometheusText';

describe('api: response shaping and metrics text', () => {
  it('estimates tokens as ceil(characters / 4) and cuts at stop sequences and max_tokens', () => {
    assert.deepEqual([estimateTokens(''), estimateTokens('abcd'), estimateTokens('abcde')], [0, 1, 2]);
    assert.deepEqual(limitText('one two\nthree', ['\n', 'two'], undefined), { text: 'one ', finishReason: 'stop' });
    assert.deepEqual(limitText('abcdefghij', [], 2), { text: 'abcdefgh', finishReason: 'length' });
    assert.deepEqual(limitText('abcdefgh', [], 2), { text: 'abcdefgh', finishReason: 'stop' });
  });

  it('streams words whose concatenation is the text, whitespace included', () => {
    for (const text of ['  return respond(body);\n', 'a  b\n\nc ', '   ', '', 'x']) assert.equal(streamPieces(text).join(''), text);
    assert.deepEqual(streamPieces('one two'), ['one ', 'two']);
  });

  it('writes the Prometheus text format: sorted, escaped labels and cumulative buckets', () => {
    const requests = counter('x_total', 'Requests.');
    requests.add({ route: '/a"b\\c\nd', method: 'GET' }, 2);
    const latency = new Histogram('x_seconds', 'Latency.', [0.1, 1]);
    latency.observe({}, 0.05);
    latency.observe({}, 0.5);
    latency.observe({}, 5);
    assert.equal(exposition([requests, latency]), [
      '# HELP x_total Requests.', '# TYPE x_total counter', 'x_total{method="GET",route="/a\\"b\\\\c\\nd"} 2',
      '# HELP x_seconds Latency.', '# TYPE x_seconds histogram',
      'x_seconds_bucket{le="0.1"} 1', 'x_seconds_bucket{le="1"} 2', 'x_seconds_bucket{le="+Inf"} 3', 'x_seconds_sum 5.55', 'x_seconds_count 3', '',
    ].join('\n'));
  });
});
