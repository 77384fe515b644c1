import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  exportFileName, neo4jBrowserUrl, pathsApiUrl, sameState, searchFromState, shareableUrl, stateFromSearch, typeList,
} from '../app/links.js';

test('a link with from and to asks for paths; absent options are null', () => {
  assert.deepEqual(stateFromSearch('?from=Khazali&to=al-Ameri'),
    { view: 'paths', from: 'Khazali', to: 'al-Ameri', maxHops: null, k: null, types: [], asOf: null });
});

test('a link carries maxHops, k, types and asOf', () => {
  assert.deepEqual(stateFromSearch('?from=qais-al-khazali&to=hadi-al-ameri&maxHops=3&k=5&types=LEADS,%20MEMBER_OF,,LEADS&asOf=2010-05'),
    { view: 'paths', from: 'qais-al-khazali', to: 'hadi-al-ameri', maxHops: '3', k: '5', types: ['LEADS', 'MEMBER_OF'], asOf: '2010-05' });
});

test('a link with entity asks for a neighbourhood; one with nothing (or half a path) for the overview', () => {
  assert.deepEqual(stateFromSearch('?entity=hadi-al-ameri'), { view: 'entity', entity: 'hadi-al-ameri' });
  assert.deepEqual(stateFromSearch(''), { view: 'overview' });
  assert.deepEqual(stateFromSearch('?from=Khazali'), { view: 'overview' });
  assert.deepEqual(stateFromSearch('?to=%20%20&entity='), { view: 'overview' });
});

test('from and to win over entity when a link names all three', () => {
  assert.equal(stateFromSearch('?entity=iran&from=a&to=b').view, 'paths');
});

test('a state becomes a query string with only what is set, and defaults left out', () => {
  assert.equal(searchFromState({ view: 'paths', from: 'Khazali', to: 'al-Ameri', maxHops: '4', k: '3', types: [], asOf: '' }),
    '?from=Khazali&to=al-Ameri');
  assert.equal(searchFromState({ view: 'paths', from: 'a b', to: 'c&d', maxHops: 2, k: 7, types: ['LEADS', 'FUNDED_BY'], asOf: '2007' }),
    '?from=a+b&to=c%26d&maxHops=2&k=7&types=LEADS%2CFUNDED_BY&asOf=2007');
  assert.equal(searchFromState({ view: 'entity', entity: 'hadi-al-ameri' }), '?entity=hadi-al-ameri');
  assert.equal(searchFromState({ view: 'overview' }), '');
});

test('state → URL → state gives back the same state', () => {
  const states = [
    { view: 'paths', from: 'Qais al-Khazali', to: 'al-Ameri', maxHops: '2', k: '10', types: ['COMMANDS', 'LEADS'], asOf: '2014-06-01' },
    { view: 'paths', from: 'Khazali', to: 'Iran', maxHops: null, k: null, types: [], asOf: null },
    { view: 'entity', entity: 'Muqtada al-Sadr' },
    { view: 'overview' },
  ];
  for (const state of states) assert.deepEqual(stateFromSearch(searchFromState(state)), state);
});

test('states that differ only in defaults or spacing are the same answer', () => {
  assert.ok(sameState(stateFromSearch('?from=a&to=b'), { view: 'paths', from: ' a ', to: 'b', maxHops: '4', k: null, types: [], asOf: null }));
  assert.ok(!sameState(stateFromSearch('?from=a&to=b'), stateFromSearch('?from=a&to=b&asOf=2010')));
  assert.ok(!sameState({ view: 'entity', entity: 'a' }, { view: 'overview' }));
});

test('the API request of a paths state sends what is set, comma-separating the types', () => {
  assert.equal(pathsApiUrl(stateFromSearch('?from=Khazali&to=al-Ameri')), '/api/paths?from=Khazali&to=al-Ameri');
  assert.equal(pathsApiUrl({ from: 'Khazali', to: 'al-Ameri', maxHops: '3', k: '4', types: ['LEADS', 'FUNDED_BY'], asOf: '2010' }),
    '/api/paths?from=Khazali&to=al-Ameri&maxHops=3&k=4&types=LEADS%2CFUNDED_BY&asOf=2010');
});

test('the shareable address is the page with the state query, without the document hash', () => {
  assert.equal(shareableUrl('http://127.0.0.1:5000', '/', { view: 'entity', entity: 'iran' }), 'http://127.0.0.1:5000/?entity=iran');
  assert.equal(shareableUrl('https://graph.example', '/', { view: 'overview' }), 'https://graph.example/');
});

test('type lists are trimmed and deduplicated from text or arrays', () => {
  assert.deepEqual(typeList(' LEADS , ,MEMBER_OF,LEADS'), ['LEADS', 'MEMBER_OF']);
  assert.deepEqual(typeList(['A', ' A', 'B ']), ['A', 'B']);
  assert.deepEqual(typeList(null), []);
});

test('Neo4j Browser opens with the statement in its editor, encoded so that it comes back exactly', () => {
  const cypher = "// GraphService paths\nMATCH p0 = (n0:Entity {id: 'qais-al-khazali'})-[r0:FUNDED_BY {id: 'r-1'}]->(n1)\nRETURN p0 & 'x+y'";
  const url = neo4jBrowserUrl('http://localhost:7474/browser/', cypher);
  assert.ok(url.startsWith('http://localhost:7474/browser/?cmd=edit&arg='), url);
  assert.ok(!url.includes(' ') && !url.includes('\n') && !url.includes('+'), url);
  const parsed = new URL(url);
  assert.equal(parsed.searchParams.get('cmd'), 'edit');
  assert.equal(parsed.searchParams.get('arg'), cypher);
  assert.equal(decodeURIComponent(url.split('arg=')[1]), cypher);
});

test('a Browser address with its own query (dbms, db) keeps it', () => {
  const url = neo4jBrowserUrl('https://neo4j.example/browser/?dbms=neo4j://reader@neo4j.example:7687&db=neo4j#x', 'RETURN 1');
  assert.equal(url, 'https://neo4j.example/browser/?dbms=neo4j://reader@neo4j.example:7687&db=neo4j&cmd=edit&arg=RETURN%201');
});

test('a saved view is named after what it shows', () => {
  assert.equal(exportFileName({ view: 'paths', from: 'Qais al-Khazali', to: 'al-Ameri' }, 'png'), 'graphservice-paths-qais-al-khazali-al-ameri.png');
  assert.equal(exportFileName({ view: 'entity', entity: 'Qāsem Soleimānī' }, 'svg'), 'graphservice-around-qasem-soleimani.svg');
  assert.equal(exportFileName({ view: 'overview' }, 'png'), 'graphservice-overview.png');
});
