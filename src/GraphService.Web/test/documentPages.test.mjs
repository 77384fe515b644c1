import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENT_PAGE_LENGTH, documentPageUrl, pageLabel, pageStart } from '../app/model.js';

test('a page of a document is asked for by offset and length, the id escaped', () => {
  assert.equal(documentPageUrl('doc a/b', 40000), `/api/documents/doc%20a%2Fb?offset=40000&length=${DOCUMENT_PAGE_LENGTH}`);
  assert.equal(documentPageUrl('d', 0, 10), '/api/documents/d?offset=0&length=10');
});

test('the page that holds a position starts at a multiple of the page length', () => {
  assert.equal(pageStart(0), 0);
  assert.equal(pageStart(DOCUMENT_PAGE_LENGTH - 1), 0);
  assert.equal(pageStart(DOCUMENT_PAGE_LENGTH), DOCUMENT_PAGE_LENGTH);
  assert.equal(pageStart(45123, 20000), 40000);
  assert.equal(pageStart(-5), 0);
});

test('a page says which characters it shows, and nothing when it shows the whole document', () => {
  assert.equal(pageLabel({ offset: 0, length: 5000 }, 5000), null);
  assert.equal(pageLabel({ offset: 20000, length: 20000 }, 52311), 'characters 20,001–40,000 of 52,311');
  assert.equal(pageLabel({ offset: 0, length: 20000 }, 52311), 'characters 1–20,000 of 52,311');
});
