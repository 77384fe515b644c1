import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pieces } from '../app/spans.js';
import {
  newEntityItems, PROBLEM_NOT_FOUND, suggestionItems, suggestionLine, suggestionSpans, suggestionsUnavailable, suggestionsUrl,
} from '../app/suggestions.js';

const answer = {
  documentId: 'wapo-khazali-interrogations',
  graphVersion: 'sha256:abc',
  claims: [
    { subject: 'qais-al-khazali', object: 'asaib-ahl-al-haq', predicate: 'LEADS', document: 'wapo', quote: 'Khazali, the leader of AAH', start: 100, end: 126, score: 0.875, existing: true, cue: 'the leader of' },
    { subject: 'qais-al-khazali', object: 'iran', predicate: null, document: 'wapo', quote: 'Khazali and Iran', start: 20010, end: 20026, score: 0.31, existing: false, cue: null },
  ],
  newEntities: [
    { name: 'Karbala', mentions: [{ start: 5, end: 12 }] },
    { name: 'Abu Mahdi', mentions: [{ start: 40, end: 49 }, { start: 20100, end: 20109 }] },
  ],
};
const names = { 'qais-al-khazali': 'Qais al-Khazali', 'asaib-ahl-al-haq': "Asa'ib Ahl al-Haq" };
const nameOf = (id) => names[id] ?? id;
const phraseOf = (type) => ({ LEADS: 'leads' })[type] ?? type;

test('the suggestions of a document are asked for by its id', () => {
  assert.equal(suggestionsUrl('a b/c'), '/api/documents/a%20b%2Fc/suggestions');
});

test('a suggestion reads as a claim with its phrase, or as a pair when no cue gives a predicate', () => {
  const items = suggestionItems(answer, nameOf, phraseOf);
  assert.deepEqual(items.map((i) => i.key), ['s0', 's1']);
  assert.equal(suggestionLine(items[0]), "Qais al-Khazali leads Asa'ib Ahl al-Haq · score 0.88");
  assert.equal(suggestionLine(items[1]), 'Qais al-Khazali — iran (no cue for a predicate) · score 0.31');
  assert.deepEqual([items[0].existing, items[1].existing], [true, false]);
  assert.deepEqual([items[0].cue, items[1].predicate], ['the leader of', null]);
});

test('an answer without lists has no suggestions', () => {
  assert.deepEqual(suggestionItems({}), []);
  assert.deepEqual(newEntityItems(null), []);
  assert.deepEqual(suggestionSpans({}, [], { offset: 0, length: 10 }), []);
});

test('candidate new entities are listed most mentioned first', () => {
  assert.deepEqual(newEntityItems(answer), [{ name: 'Abu Mahdi', mentions: 2 }, { name: 'Karbala', mentions: 1 }]);
});

test('only the spans that overlap the page are marked, in page offsets', () => {
  const items = suggestionItems(answer, nameOf, phraseOf);
  assert.deepEqual(suggestionSpans(answer, items, { offset: 0, length: 20000 }), [
    { start: 100, end: 126, kind: 'suggestion', refId: 's0' },
    { start: 5, end: 12, kind: 'new-entity', refId: 'Karbala' },
    { start: 40, end: 49, kind: 'new-entity', refId: 'Abu Mahdi' },
  ]);
  assert.deepEqual(suggestionSpans(answer, items, { offset: 20000, length: 20000 }), [
    { start: 10, end: 26, kind: 'suggestion', refId: 's1' },
    { start: 100, end: 109, kind: 'new-entity', refId: 'Abu Mahdi' },
  ]);
});

test('a span that starts on the previous page is marked from the page start', () => {
  const items = suggestionItems({ claims: [{ subject: 'a', object: 'b', predicate: null, quote: 'q', start: 19990, end: 20005, score: 0.5, existing: false }] });
  const spans = suggestionSpans({}, items, { offset: 20000, length: 100 });
  assert.deepEqual(spans, [{ start: -10, end: 5, kind: 'suggestion', refId: 's0' }]);
  const text = 'x'.repeat(100);
  assert.deepEqual(pieces(text, spans).map((p) => [p.start, p.end, p.spans.length]), [[0, 5, 1], [5, 100, 0]]);
});

test('a 404 without an endpoint is an older server, told plainly; other failures are errors', () => {
  assert.match(suggestionsUnavailable(404, PROBLEM_NOT_FOUND), /does not draft suggested claims/);
  assert.match(suggestionsUnavailable(404, null), /does not draft suggested claims/);
  assert.equal(suggestionsUnavailable(404, 'https://graphservice.dev/problems/unknown-document'), null);
  assert.equal(suggestionsUnavailable(500, PROBLEM_NOT_FOUND), null);
  assert.equal(suggestionsUnavailable(503, null), null);
});
