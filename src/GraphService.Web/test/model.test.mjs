import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  citationSource, describeProblem, documentHash, formatUrl, isMediaType, neighborhoodGraph, parseDocumentHash, pathGraph,
  overviewGraph, overviewSummary, overviewUrl, pathSteps, suggestionText,
} from '../app/model.js';

const khazali = { id: 'qais-al-khazali', name: 'Qais al-Khazali', type: 'Person' };
const iran = { id: 'iran', name: 'Iran', type: 'Organization' };
const badr = { id: 'badr-organization', name: 'Badr Organization', type: 'Organization' };
const ameri = { id: 'hadi-al-ameri', name: 'Hadi al-Ameri', type: 'Person' };
const rel = (id, start, end, phrase = 'is funded by') => ({ id, phrase, startNodeId: start.id, endNodeId: end.id, citations: [] });

test('a problem is told by its detail, with the entities it offers instead', () => {
  const body = {
    type: 'https://graphservice.dev/problems/unknown-entity', title: 'Unknown entity', status: 404,
    detail: "No entity is known by 'Khazaly' (parameter from). Did you mean Qais al-Khazali (qais-al-khazali)?",
    parameter: 'from', suggestions: [khazali],
  };
  assert.deepEqual(describeProblem(404, 'Not Found', body), { message: body.detail, parameter: 'from', choices: [khazali] });
});

test('an ambiguous name offers its candidates', () => {
  const body = { title: 'Ambiguous name', detail: "'al' names 2 entities", parameter: 'to', candidates: [khazali, ameri] };
  const problem = describeProblem(409, 'Conflict', body);
  assert.equal(problem.parameter, 'to');
  assert.deepEqual(problem.choices.map((c) => c.id), ['qais-al-khazali', 'hadi-al-ameri']);
});

test('a problem without detail falls back to its title, and a bodyless failure to the status line', () => {
  assert.equal(describeProblem(503, 'Service Unavailable', { title: 'Not ready' }).message, 'Not ready');
  assert.equal(describeProblem(502, 'Bad Gateway', null).message, 'The server answered 502 Bad Gateway.');
  assert.deepEqual(describeProblem(502, '', null).choices, []);
});

test('media types compare without their parameters and case', () => {
  assert.ok(isMediaType('text/markdown; charset=utf-8', 'text/markdown'));
  assert.ok(isMediaType('Text/Vnd.Mermaid', 'text/vnd.mermaid'));
  assert.ok(!isMediaType('application/json; charset=utf-8', 'text/markdown'));
  assert.ok(!isMediaType(null, 'text/markdown'));
});

test('the format URL keeps the query and replaces an earlier format', () => {
  assert.equal(formatUrl('/api/paths?from=a&to=b&maxHops=4', 'mermaid'), '/api/paths?from=a&to=b&maxHops=4&format=mermaid');
  assert.equal(formatUrl('/api/paths?from=a&format=markdown', 'cypher'), '/api/paths?from=a&format=cypher');
});

test('a suggestion names the alias that matched when it is not the name', () => {
  const hit = { ...khazali, aliases: ['Khazali', 'Khalazi'], matchedText: 'Khalazi', score: 0.9 };
  assert.deepEqual(suggestionText(hit), { name: 'Qais al-Khazali', detail: 'Person · matched “Khalazi” · also Khazali' });
  assert.equal(suggestionText({ ...khazali, aliases: [], matchedText: 'qais al-khazali' }).detail, 'Person');
});

test('a path answer lists each entity and relationship once', () => {
  const funded = rel('r1', khazali, iran);
  const badrFunded = rel('r2', badr, iran);
  const leads = rel('r3', ameri, badr, 'leads');
  const result = { from: khazali, to: ameri, paths: [
    { length: 3, nodes: [khazali, iran, badr, ameri], relationships: [funded, badrFunded, leads] },
    { length: 3, nodes: [khazali, iran, badr, ameri], relationships: [funded, badrFunded, leads] },
  ] };
  const graph = pathGraph(result);
  assert.deepEqual(graph.nodes.map((n) => n.id), ['qais-al-khazali', 'iran', 'badr-organization', 'hadi-al-ameri']);
  assert.deepEqual(graph.relationships.map((r) => r.id), ['r1', 'r2', 'r3']);
});

test('path steps say which relationships are followed against their direction', () => {
  const path = { nodes: [khazali, iran, badr, ameri], relationships: [rel('r1', khazali, iran), rel('r2', badr, iran), rel('r3', ameri, badr)] };
  assert.deepEqual(pathSteps(path).map((s) => [s.relationship.id, s.forward, s.next.id]),
    [['r1', true, 'iran'], ['r2', false, 'badr-organization'], ['r3', false, 'hadi-al-ameri']]);
});

test('a neighborhood puts its center first', () => {
  const graph = neighborhoodGraph({ center: khazali, nodes: [iran, khazali], relationships: [rel('r1', khazali, iran)] });
  assert.deepEqual(graph.nodes.map((n) => n.id), ['qais-al-khazali', 'iran']);
});

test('a citation without a date says undated', () => {
  assert.equal(citationSource({ publisher: 'The Washington Post', published: null }), 'The Washington Post, undated');
  assert.equal(citationSource({ publisher: 'Digest', published: '2018-09-13' }), 'Digest, 2018-09-13');
});

test('the document address round-trips ids that need escaping', () => {
  const hash = documentHash('doc/with space&more', 'c-1');
  assert.deepEqual(parseDocumentHash(hash), { documentId: 'doc/with space&more', citationId: 'c-1' });
  assert.deepEqual(parseDocumentHash(documentHash('d')), { documentId: 'd', citationId: null });
  assert.equal(parseDocumentHash('#something-else'), null);
  assert.equal(parseDocumentHash(''), null);
});

test('the overview draws its entities most connected first and offers its starting points', () => {
  const result = {
    totalEntities: 3, totalRelationships: 2, truncated: false,
    nodes: [{ ...iran, degree: 2 }, { ...khazali, degree: 1 }, { ...badr, degree: 1 }],
    relationships: [rel('r1', khazali, iran), rel('r2', badr, iran), rel('r1', khazali, iran)],
    featured: [khazali, ameri],
  };
  const graph = overviewGraph(result);
  assert.deepEqual(graph.nodes.map((n) => n.id), ['iran', 'qais-al-khazali', 'badr-organization']);
  assert.deepEqual(graph.relationships.map((r) => r.id), ['r1', 'r2']);
  assert.deepEqual(graph.featured.map((f) => f.id), ['qais-al-khazali', 'hadi-al-ameri']);
  assert.equal(overviewSummary(result), 'Overview: all 3 entities and 2 relationships');
  assert.equal(overviewSummary({ ...result, truncated: true, totalEntities: 900 }), 'Overview: the 3 entities with the most relationships, of 900');
  assert.equal(overviewUrl(), '/api/overview?limit=200');
});

test('an overview from a server without starting points offers none', () => {
  assert.deepEqual(overviewGraph({ nodes: [], relationships: [] }).featured, []);
});
