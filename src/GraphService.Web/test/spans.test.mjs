import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pieces } from '../app/spans.js';

test('pieces cover the whole text in order', () => {
  const text = 'Qais al-Khazali leads Asaib Ahl al-Haq.';
  const result = pieces(text, [{ start: 0, end: 15, kind: 'mention', refId: 'qais' }]);
  assert.equal(result.map((p) => p.text).join(''), text);
  assert.deepEqual(result.map((p) => [p.start, p.end]), [[0, 15], [15, text.length]]);
  assert.equal(result[0].spans[0].refId, 'qais');
  assert.equal(result[1].spans.length, 0);
});

test('overlapping spans split the text where either starts or ends', () => {
  const text = 'abcdefghij';
  const result = pieces(text, [
    { start: 2, end: 6, kind: 'mention', refId: 'm' },
    { start: 4, end: 8, kind: 'citation', refId: 'c' },
  ]);
  assert.deepEqual(result.map((p) => p.text), ['ab', 'cd', 'ef', 'gh', 'ij']);
  assert.deepEqual(result.map((p) => p.spans.map((s) => s.refId).join()), ['', 'm', 'm,c', 'c', '']);
});

test('spans outside the text are clipped and empty spans ignored', () => {
  const result = pieces('abc', [{ start: -5, end: 1, kind: 'mention', refId: 'a' }, { start: 2, end: 2, kind: 'mention', refId: 'empty' }, { start: 2, end: 99, kind: 'citation', refId: 'c' }]);
  assert.deepEqual(result.map((p) => [p.text, p.spans.map((s) => s.refId).join()]), [['a', 'a'], ['b', ''], ['c', 'c']]);
});

test('markup in the text stays text', () => {
  const text = '<script>alert(1)</script>';
  const result = pieces(text, [{ start: 0, end: 8, kind: 'mention', refId: 'x' }]);
  assert.equal(result[0].text, '<script>');
});

test('offsets count UTF-16 code units like the API', () => {
  const text = 'a😀b';
  const result = pieces(text, [{ start: 1, end: 3, kind: 'mention', refId: 'emoji' }]);
  assert.equal(result[1].text, '😀');
});
