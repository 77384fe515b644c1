// The GraphService explorer. Every string that comes from the API is put into the page as text (textContent, text
// nodes, attribute values), never parsed as HTML.
// This file is the page's wiring: each section below binds one part of index.html to the API. What can be computed
// without the DOM lives in the modules it imports (links, model, timeline, suggestions, spans), which node's test runner
// checks; what is left here is event handling and element building, checked by the browser test.
import { pieces } from './spans.js';
import { $, el } from './dom.js';
import { ProblemError, request } from './http.js';
import { drawTimeline } from './timelineChart.js';
import {
  newEntityItems, suggestionItems, suggestionLine, suggestionSpans, suggestionsUnavailable, suggestionsUrl,
} from './suggestions.js';
import {
  exportFileName, neo4jBrowserUrl, pathsApiUrl, PATH_DEFAULTS, sameState, searchFromState, shareableUrl, stateFromSearch,
} from './links.js';
import {
  citationSource, copyFormats, documentHash, documentPageUrl, DOCUMENT_PAGE_LENGTH, formatUrl, isMediaType,
  neighborhoodGraph, neighborhoodUrl, overviewGraph, overviewSummary, overviewUrl, pageLabel, pageStart, parseDocumentHash, pathGraph,
  pathSteps, suggestionText,
} from './model.js';

// ---- status and errors ----------------------------------------------------------------------------------------

function showError(error) {
  const box = $('error');
  if (!(error instanceof ProblemError)) {
    box.replaceChildren(`Unexpected error: ${error.message}`);
    box.hidden = false;
    return;
  }
  const field = { from: $('from'), to: $('to') }[error.parameter];
  const choices = field && error.choices.length > 0
    ? el('p', { className: 'choices' }, 'Did you mean: ', error.choices.map((c) => el('button', {
      type: 'button',
      onclick: guarded(() => {
        setEntity(field, c);
        return navigate(formState());
      }),
    }, `${c.name} (${c.type})`)))
    : null;
  box.replaceChildren(el('span', {}, error.message), choices);
  box.hidden = false;
  setStatus('');
}

function clearError() {
  $('error').hidden = true;
  $('error').replaceChildren();
}

function setStatus(text) {
  $('status').textContent = text;
}

/**
 * Runs an async handler and shows its failure on the page instead of leaving an unhandled rejection. A user's action
 * clears the previous error first; background work (suggestions) passes keepError so that it does not hide one.
 */
function guarded(fn, { keepError = false } = {}) {
  return (...args) => {
    if (!keepError) clearError();
    Promise.resolve()
      .then(() => fn(...args))
      .catch(showError);
  };
}

function showVersion(graphVersion) {
  if (graphVersion) $('graph-version').textContent = `graph ${graphVersion.replace(/^sha256:/, '').slice(0, 12)}`;
}

// ---- schema: relationship types -------------------------------------------------------------------------------

/** Entity names seen in any answer, and predicate phrases from the schema: labels for ids elsewhere (documents, suggestions). */
const knownNames = new Map();
const phrases = new Map();

/** Settles once the relationship types are offered (or their failure is shown). */
let schemaLoaded = Promise.resolve();

async function loadSchema() {
  const schema = await request('/api/schema');
  showVersion(schema.graphVersion);
  $('graph-counts').textContent = `${schema.entities} entities · ${schema.relationships} relationships · ${schema.documents} documents`;
  for (const p of schema.predicates ?? []) phrases.set(p.type, p.phrase);
  const used = (schema.predicates ?? []).filter((p) => (p.count ?? 0) > 0);
  $('types-list').replaceChildren(...used.map((p) => {
    const id = `type-${p.type}`;
    return el('label', { htmlFor: id, title: p.type },
      el('input', { type: 'checkbox', id, name: 'types', value: p.type }),
      `${p.phrase} (${p.count})`);
  }));
}

// ---- search suggestions: an ARIA combobox over /api/entities --------------------------------------------------

/** The chosen entity of a field: its id is sent instead of the typed text, so that a chosen suggestion is unambiguous. */
function setEntity(input, entity) {
  input.value = entity.name;
  input.dataset.entityId = entity.id;
}

/** Suggestions still to come are dropped when the form is submitted. */
const suggestionCancels = [];

function attachSuggestions(input, listbox) {
  let timer;
  let ticket = 0;
  let hits = [];
  let active = -1;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (i) => {
    setEntity(input, hits[i]);
    close();
  };
  const render = (text) => {
    const options = hits.map((hit, i) => {
      const { name, detail } = suggestionText(hit);
      return el('li', {
        id: `${listbox.id}-${i}`,
        role: 'option',
        'aria-selected': i === active ? 'true' : 'false',
        className: i === active ? 'active' : '',
        onmousedown: (event) => event.preventDefault(), // keeps the focus in the input
        onclick: () => choose(i),
      }, el('span', { className: 'option-name' }, name), el('span', { className: 'option-detail' }, detail));
    });
    listbox.replaceChildren(...(options.length > 0 ? options : [el('li', { className: 'empty', role: 'presentation' }, `No entity matches “${text}”.`)]));
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listbox.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', () => {
    delete input.dataset.entityId;
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      close();
      return;
    }
    timer = setTimeout(guarded(async () => {
      const mine = ++ticket;
      const answer = await request(`/api/entities?search=${encodeURIComponent(text)}&limit=8`);
      if (mine !== ticket || input.value.trim() !== text) return;
      hits = Array.isArray(answer) ? answer : [];
      active = -1;
      // Answers that arrive after the user has moved on are kept for the arrow keys but not shown.
      if (document.activeElement === input) render(text);
    }, { keepError: true }), 150);
  });
  suggestionCancels.push(() => {
    clearTimeout(timer);
    ticket++;
    close();
  });
  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden && hits.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = open ? (active + step + hits.length) % hits.length : (step > 0 ? 0 : hits.length - 1);
      render(input.value.trim());
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape' && !listbox.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);
}

// ---- results --------------------------------------------------------------------------------------------------

let current = null; // { kind, url, nodes: Map, relationships: Map }
let cy = null;
let resizeObserver = null;

function drawGraph(nodes, relationships, rootId, layout, featured, { edgeLabels = true } = {}) {
  if (typeof window.cytoscape !== 'function') throw new ProblemError({ message: 'The diagram library (lib/cytoscape.min.js) did not load.' });
  if (cy) cy.destroy();
  const container = $('graph');
  container.setAttribute('aria-label', `Diagram of ${nodes.length} entities and ${relationships.length} relationships; the list below gives the same content as buttons.`);
  cy = window.cytoscape({
    container,
    elements: [
      ...nodes.map((n) => ({
        data: { id: n.id, label: n.name, type: n.type, root: n.id === rootId ? 'yes' : 'no', featured: featured.has(n.id) ? 'yes' : 'no', degree: n.degree },
      })),
      ...relationships.map((r) => ({
        data: { id: `rel:${r.id}`, relId: r.id, source: r.startNodeId, target: r.endNodeId, label: edgeLabels ? r.phrase : '', contested: r.contested ? 'yes' : 'no' },
      })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'text-valign': 'bottom', 'text-margin-y': 4, 'font-size': 13, width: 26, height: 26, 'background-color': '#dbeafe', 'border-width': 1, 'border-color': '#57606a', 'text-wrap': 'wrap', 'text-max-width': 120, 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 2 } },
      { selector: 'node[type = "Organization"]', style: { 'background-color': '#fde7c8', shape: 'round-rectangle' } },
      { selector: 'node[type = "Place"]', style: { 'background-color': '#d3f0dc', shape: 'diamond' } },
      { selector: 'node[type = "Event"]', style: { 'background-color': '#ead9fb', shape: 'hexagon' } },
      { selector: 'node[root = "yes"]', style: { 'border-width': 3, 'border-color': '#0969da', 'font-weight': 'bold' } },
      { selector: 'node[degree]', style: { width: 'mapData(degree, 0, 15, 18, 46)', height: 'mapData(degree, 0, 15, 18, 46)' } },
      { selector: 'node[featured = "yes"]', style: { 'border-width': 4, 'border-color': '#bf8700', 'font-weight': 'bold', 'font-size': 15 } },
      { selector: 'edge', style: { label: 'data(label)', 'font-size': 11, color: '#424a53', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#8c959f', 'target-arrow-color': '#57606a', 'text-background-color': '#fff', 'text-background-opacity': 1, 'text-background-padding': 1, 'text-rotation': 'autorotate' } },
      { selector: 'edge[contested = "yes"]', style: { 'line-style': 'dashed', 'line-color': '#b42318', 'target-arrow-color': '#b42318', color: '#b42318' } },
      { selector: ':selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#0969da' } },
    ],
    layout,
    wheelSensitivity: 0.3,
    minZoom: 0.3,
    maxZoom: 3,
  });
  fitView();
  // Cytoscape sizes its canvas from the container once; follow the container when the page reflows.
  resizeObserver?.disconnect();
  resizeObserver = new ResizeObserver(() => {
    cy?.resize();
    fitView();
  });
  resizeObserver.observe(container);
  cy.on('tap', 'edge', guarded((event) => showEvidence(current.relationships.get(event.target.data('relId')))));
  cy.on('tap', 'node', guarded((event) => navigate({ view: 'entity', entity: event.target.id() })));
}

/** The whole result in view; a small one would be fitted at up to 3× with huge labels, so it stays at a reading size. */
function fitView() {
  if (!cy) return;
  cy.fit(undefined, 24);
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25);
    cy.center();
  }
}

function entityButton(node) {
  return el('button', { type: 'button', className: 'entity-button', title: `Show the neighborhood of ${node.name}`, onclick: guarded(() => navigate({ view: 'entity', entity: node.id })) }, node.name);
}

function relationshipButton(r, label) {
  return el('button', {
    type: 'button',
    className: r.contested ? 'relationship-button contested' : 'relationship-button',
    title: 'Show the quotes for this relationship',
    dataset: { relationship: r.id },
    onclick: guarded(() => showEvidence(r)),
  }, label, r.contested ? ' (contested)' : '');
}

function showResult(kind, url, result, graph, rootId, layout, list, summary, featured = new Set()) {
  current = { kind, url, nodes: new Map(graph.nodes.map((n) => [n.id, n])), relationships: new Map(graph.relationships.map((r) => [r.id, r])) };
  for (const n of graph.nodes) knownNames.set(n.id, n.name);
  showVersion(result.graphVersion);
  $('result').hidden = false;
  // The report formats are offered for paths and neighbourhoods, not for the overview.
  for (const button of document.querySelectorAll('[data-copy]')) button.hidden = kind === 'overview';
  $('save-svg').hidden = kind === 'overview';
  $('graph').classList.toggle('overview', kind === 'overview');
  $('result-title').textContent = summary;
  $('result-list').replaceChildren(list);
  $('copy-fallback-label').hidden = true;
  $('evidence').hidden = true;
  // The overview's many links would bury its names under their phrases; a link's phrase is in its evidence.
  drawGraph(graph.nodes, graph.relationships, rootId, layout, featured, { edgeLabels: kind !== 'overview' });
  drawTimeline(kind === 'overview' ? [] : graph.relationships, (id) => current?.nodes.get(id)?.name ?? id);
  guarded(linkNeo4jBrowser, { keepError: true })();
  setStatus(`${summary}${result.truncated ? ' (the search stopped early; more may exist)' : ''}`);
}

/** What the connect form names: the chosen suggestion's id, else the typed text (a name or alias the API resolves). */
function entityOf(input) {
  return input.dataset.entityId || input.value.trim();
}

/** The connect form as a paths state (links.js): what a link to its answer holds. */
function formState() {
  const form = $('path-form');
  return {
    view: 'paths',
    from: entityOf($('from')),
    to: entityOf($('to')),
    maxHops: $('max-hops').value,
    k: $('k').value,
    types: [...form.querySelectorAll('input[name="types"]:checked')].map((c) => c.value),
    asOf: $('as-of').value,
  };
}

/** Shows a state's query in the form, so that what a link draws can be changed and asked again. */
async function fillForm(state) {
  if (state.view !== 'paths') return;
  for (const [input, text] of [[$('from'), state.from], [$('to'), state.to]]) {
    input.value = text;
    delete input.dataset.entityId;
  }
  $('max-hops').value = state.maxHops ?? PATH_DEFAULTS.maxHops;
  $('k').value = state.k ?? '';
  $('as-of').value = state.asOf ?? '';
  await schemaLoaded; // the type checkboxes come from /api/schema
  for (const box of $('path-form').querySelectorAll('input[name="types"]')) box.checked = state.types.includes(box.value);
}

async function loadPaths(state, isCurrent) {
  const url = pathsApiUrl(state);
  setStatus('Searching…');
  const result = await request(url);
  if (!isCurrent()) return;
  // The names the link gave are now known entities: the form shows their names and asks by id from now on.
  setEntity($('from'), result.from);
  setEntity($('to'), result.to);
  const graph = pathGraph(result);
  const types = state.types ?? [];
  const list = result.paths.length === 0
    ? el('p', {}, `No path of up to ${state.maxHops || PATH_DEFAULTS.maxHops} hops${types.length > 0 ? ' over the chosen relationship types' : ''}${state.asOf ? ` as of ${state.asOf}` : ''} connects ${result.from.name} and ${result.to.name}.`)
    : el('ol', { className: 'result-path' }, result.paths.map((p) => el('li', {},
      el('span', { className: 'hop' }, el('span', { className: 'path-length' }, `${p.length} ${p.length === 1 ? 'hop' : 'hops'}`), hops(p)))));
  const count = result.paths.length === 1 ? '1 path' : `${result.paths.length} paths`;
  // Breadth-first from the start entity, turned a quarter so that paths read left to right and their labels lie along them.
  const layout = {
    name: 'breadthfirst', roots: [result.from.id], directed: false, spacingFactor: 1, padding: 24,
    transform: (node, position) => ({ x: position.y * 1.8, y: position.x }),
  };
  showResult('paths', url, result, graph, result.from.id, layout, list, `${result.from.name} → ${result.to.name}: ${count}`);
}

/** A path as alternating entity and relationship buttons; the arrow shows which way each relationship points. */
function hops(path) {
  const parts = [entityButton(path.nodes[0])];
  for (const { relationship, forward, next } of pathSteps(path)) {
    parts.push(relationshipButton(relationship, forward ? `${relationship.phrase} →` : `← ${relationship.phrase}`));
    parts.push(entityButton(next));
  }
  return parts;
}

async function loadNeighborhood(id, isCurrent) {
  const url = neighborhoodUrl(id);
  setStatus('Loading neighborhood…');
  const result = await request(url);
  if (!isCurrent()) return;
  const graph = neighborhoodGraph(result);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const entity = (nodeId) => (byId.has(nodeId) ? entityButton(byId.get(nodeId)) : el('span', {}, nodeId));
  const list = el('ul', { className: 'result-path' }, graph.relationships.map((r) => el('li', {}, el('span', { className: 'hop' },
    entity(r.startNodeId), relationshipButton(r, `${r.phrase} →`), entity(r.endNodeId)))));
  const count = `${graph.nodes.length} entities, ${graph.relationships.length} relationships`;
  // A few neighbours are spread out so that the center's label clears the links' labels; many fill the ring already.
  const few = graph.nodes.length <= 6;
  const layout = {
    name: 'concentric', concentric: (node) => (node.id() === result.center.id ? 2 : 1), levelWidth: () => 1,
    minNodeSpacing: few ? 60 : 30, spacingFactor: few ? 1.7 : 1, padding: 24,
  };
  showResult('neighborhood', url, result, graph, result.center.id, layout, list, `Around ${result.center.name}: ${count}`);
}

// ---- evidence and documents -----------------------------------------------------------------------------------

function showEvidence(r) {
  if (!r) return;
  const name = (id) => current?.nodes.get(id)?.name ?? id;
  $('evidence').hidden = false;
  $('evidence-title').textContent = `${name(r.startNodeId)} ${r.phrase} ${name(r.endNodeId)}`;
  const facts = [
    `confidence ${r.confidence}`,
    `${r.publishers ?? r.corroboration} ${(r.publishers ?? r.corroboration) === 1 ? 'publisher' : 'publishers'} from ${r.corroboration} independent ${r.corroboration === 1 ? 'origin' : 'origins'}`,
    r.since || r.until ? `${r.since ?? '…'} – ${r.until ?? '…'}` : null,
  ].filter(Boolean).join(' · ');
  $('evidence-body').replaceChildren(
    el('p', { className: 'muted' }, facts),
    r.contested ? el('p', { className: 'warning' }, 'Contested: at least one source disputes this relationship.') : null,
    el('ul', { className: 'quote-list' }, r.citations.map((c) => el('li', { className: c.stance === 'disputes' ? 'disputes' : '' },
      el('span', { className: `stance ${c.stance}` }, c.stance === 'disputes' ? 'Disputes' : 'Supports'),
      el('blockquote', {}, `“${c.quote}”`),
      el('p', { className: 'source' }, el('span', { className: 'publisher' }, citationSource(c)), ' — ', el('cite', {}, c.title)),
      el('p', { className: 'quote-links' },
        el('a', {
          href: documentHash(c.documentId, c.id),
          className: 'document-link',
          // Following the link again does not change the hash, so no hashchange: open it directly.
          onclick: (event) => {
            if (window.location.hash !== documentHash(c.documentId, c.id)) return;
            event.preventDefault();
            guarded(() => openDocument(c.documentId, c.id))();
          },
        }, 'Open the document at this quote'),
        c.url && /^https?:\/\//i.test(c.url) ? el('a', { href: c.url, rel: 'noopener noreferrer', target: '_blank' }, 'original source') : null)))));
  $('evidence').scrollIntoView({ block: 'start' });
  $('evidence-title').focus({ preventScroll: true });
}

// Opens a document one page at a time: at the page where the cited quote starts, else at `offset` (default the start).
async function openDocument(documentId, citationId, offset) {
  setStatus('Loading document…');
  let start = offset ?? 0;
  if (offset === undefined && citationId) {
    const cited = await request(`/api/citations/${encodeURIComponent(citationId)}`).catch((e) => {
      if (e instanceof ProblemError) return null; // an unknown quote is reported below, with the document shown
      throw e;
    });
    if (cited?.citation.documentId === documentId) start = pageStart(cited.citation.start);
  }
  const detail = await request(documentPageUrl(documentId, start));
  showVersion(detail.graphVersion);
  const d = detail.document;
  $('document').hidden = false;
  $('document-title').textContent = d.title;
  $('document-meta').textContent = [d.publisher, d.author, d.published ?? 'undated', d.url].filter(Boolean).join(' · ');
  showDocumentPages(documentId, citationId, detail);
  const quote = citationId ? (detail.citations ?? []).find((s) => s.refId === citationId) : null;
  if (documentShown?.documentId !== documentId) resetSuggestions();
  documentShown = { documentId, quote, detail };
  const quoteMark = renderDocumentText();
  const missing = citationId && !quote && offset === undefined ? ` (the quote ${citationId} is not in this document)` : '';
  const unmarked = detail.moreMentions ? ' (this page has more mentions than are marked)' : '';
  setStatus(`Showing ${d.title}${missing}${unmarked}`);
  $('document').scrollIntoView({ block: 'start' });
  const box = $('document-text');
  if (quoteMark) {
    // Scroll inside the text box only, so the document's heading stays in view.
    box.scrollTop = Math.max(0, quoteMark.offsetTop - box.clientHeight / 3);
    quoteMark.focus({ preventScroll: true });
  } else {
    box.scrollTop = 0;
    $('document-title').focus({ preventScroll: true });
  }
}

/** The document shown now: its id, the cited quote's span (or null) and the page. */
let documentShown = null;

/**
 * Puts the page's text into the document view as text nodes wrapped in spans: mentions, the cited quote (one <mark>,
 * so that it reads and highlights as one passage) and, when shown, the suggested claims' quotes and candidate names.
 * Returns the quote's <mark>, or null.
 */
function renderDocumentText() {
  const { quote, detail } = documentShown;
  // Span offsets count from the start of the document; the page's text starts at range.offset.
  const local = (s) => ({ ...s, start: s.start - detail.range.offset, end: s.end - detail.range.offset });
  const spans = [
    ...(detail.mentions ?? []).map(local),
    ...(quote ? [{ ...local(quote), kind: 'quote' }] : []),
    ...(suggestionsShown?.documentId === documentShown.documentId ? suggestionSpans(suggestionsShown.answer, suggestionsShown.items, detail.range) : []),
  ];
  let quoteMark = null;
  const nodes = [];
  for (const piece of pieces(detail.text, spans)) {
    let node = document.createTextNode(piece.text);
    const mention = piece.spans.find((s) => s.kind === 'mention');
    if (mention) node = el('span', { className: 'mention', title: knownNames.get(mention.refId) ?? mention.refId }, node);
    const unknownName = piece.spans.find((s) => s.kind === 'new-entity');
    if (unknownName) node = el('span', { className: 'new-entity', title: `Not in the graph: ${unknownName.refId}` }, node);
    const suggested = piece.spans.filter((s) => s.kind === 'suggestion');
    if (suggested.length > 0) node = el('span', { className: 'suggested', dataset: { suggestions: suggested.map((s) => s.refId).join(' ') } }, node);
    if (!piece.spans.some((s) => s.kind === 'quote')) {
      nodes.push(node);
    } else if (quoteMark) {
      quoteMark.append(node);
    } else {
      quoteMark = el('mark', { className: 'quote', tabIndex: -1 }, node);
      nodes.push(quoteMark);
    }
  }
  $('document-text').replaceChildren(...nodes);
  return quoteMark;
}

// ---- suggested claims of the document shown (suggestions.js) ------------------------------------------------------

/** The suggestions shown: { documentId, answer, items }, or null. */
let suggestionsShown = null;

function resetSuggestions() {
  suggestionsShown = null;
  $('suggestions-body').hidden = true;
  $('show-suggestions').setAttribute('aria-expanded', 'false');
  $('suggestion-list').replaceChildren();
  $('new-entities').textContent = '';
  $('suggestions-note').textContent = '';
}

async function showSuggestions() {
  if (!documentShown) return;
  const { documentId } = documentShown;
  setStatus('Drafting suggested claims…');
  let answer;
  try {
    answer = await request(suggestionsUrl(documentId));
  } catch (e) {
    const unavailable = e instanceof ProblemError ? suggestionsUnavailable(e.status, e.type) : null;
    if (!unavailable) throw e;
    resetSuggestions();
    $('suggestions-body').hidden = false;
    $('suggestions-legend').hidden = true;
    $('suggestions-note').textContent = unavailable;
    setStatus(unavailable);
    return;
  }
  if (documentShown?.documentId !== documentId) return;
  const items = suggestionItems(answer, (id) => knownNames.get(id) ?? id, (type) => phrases.get(type) ?? type);
  suggestionsShown = { documentId, answer, items };
  renderDocumentText();
  const existing = items.filter((i) => i.existing).length;
  $('suggestions-note').textContent = items.length === 0
    ? 'No suggested claims: no two known entities are named together with a cue, or every pair is too weak.'
    : `${items.length} suggested ${items.length === 1 ? 'claim' : 'claims'}, best first; ${existing} already in the graph. Drafts for review: nothing is imported.`;
  $('suggestion-list').replaceChildren(...items.map((item) => el('li', { className: item.existing ? 'existing' : '', dataset: { suggestion: item.key } },
    el('span', { className: 'suggestion-claim' }, suggestionLine(item)),
    item.existing ? el('span', { className: 'badge' }, 'already in the graph') : null,
    item.cue ? el('span', { className: 'muted' }, ` cue “${item.cue}”`) : null,
    el('blockquote', {}, `“${item.quote}”`),
    el('button', { type: 'button', onclick: guarded(() => showSuggestionInText(item)) }, 'Show in the text'))));
  const names = newEntityItems(answer);
  $('new-entities').textContent = names.length === 0
    ? ''
    : `Names the graph does not know: ${names.map((n) => `${n.name} (${n.mentions}×)`).join(', ')}.`;
  $('suggestions-body').hidden = false;
  $('suggestions-legend').hidden = false;
  $('show-suggestions').setAttribute('aria-expanded', 'true');
  setStatus(`Suggested claims for ${documentShown.detail.document.title}: ${items.length}.`);
}

/** Scrolls the text to a suggestion's quote, opening the page that holds it first when it is on another page. */
async function showSuggestionInText(item) {
  const { documentId, detail } = documentShown;
  const { offset, length } = detail.range;
  if (item.start < offset || item.start >= offset + length) await openDocument(documentId, null, pageStart(item.start));
  const target = [...$('document-text').querySelectorAll('.suggested')].find((n) => n.dataset.suggestions.split(' ').includes(item.key));
  if (!target) return;
  const box = $('document-text');
  box.scrollTop = Math.max(0, target.offsetTop - box.clientHeight / 3);
  for (const n of box.querySelectorAll('.suggested.current')) n.classList.remove('current');
  target.classList.add('current');
}

// The pager under a long document: which characters are shown, and the pages before and after.
function showDocumentPages(documentId, citationId, detail) {
  const { range } = detail;
  const total = detail.document.length;
  const label = pageLabel(range, total);
  $('document-pages').hidden = label === null;
  $('document-page').textContent = label ?? '';
  const previous = $('document-previous');
  const next = $('document-next');
  previous.disabled = range.offset === 0;
  next.disabled = range.offset + range.length >= total;
  previous.onclick = guarded(() => openDocument(documentId, citationId, pageStart(Math.max(0, range.offset - DOCUMENT_PAGE_LENGTH))));
  next.onclick = guarded(() => openDocument(documentId, citationId, range.offset + range.length));
}

function followHash() {
  const target = parseDocumentHash(window.location.hash);
  if (target) guarded(() => openDocument(target.documentId, target.citationId))();
}

// ---- copy buttons ---------------------------------------------------------------------------------------------

async function copyFormat(format) {
  if (!current) return;
  const { label, mediaType } = copyFormats[format];
  const { text, contentType } = await request(formatUrl(current.url, format), mediaType);
  if (!isMediaType(contentType, mediaType)) {
    throw new ProblemError({
      message: `Nothing was copied: this server answered the ${label} request with ${contentType.split(';')[0] || 'an unlabelled body'}, `
        + `not ${mediaType}, so it does not offer ?format=${format} yet.`,
    });
  }
  await copyText(text, `the ${label} of this result`);
}

/** Puts text on the clipboard, or, when the browser does not allow it, selects it in a box to copy by hand. */
async function copyText(text, what) {
  try {
    // A clipboard request the browser leaves pending (no permission prompt answered) counts as refused after 2 s.
    await Promise.race([
      navigator.clipboard.writeText(text),
      new Promise((resolve, reject) => { setTimeout(() => reject(new Error('no answer from the clipboard')), 2000); }),
    ]);
    setStatus(`Copied ${what} (${text.length} characters).`);
    $('copy-fallback-label').hidden = true;
  } catch (e) {
    // The clipboard needs a secure context and permission; offer the text to copy by hand instead.
    $('copy-fallback').value = text;
    $('copy-fallback-label').hidden = false;
    $('copy-fallback').select();
    setStatus(`The browser did not allow copying (${e.message}); ${what} is selected below to copy by hand.`);
  }
}

// ---- export: PNG as drawn, the API's SVG, Neo4j Browser ----------------------------------------------------------

/** Settings from configuration (GET /api/explorer); a server without that endpoint offers no Neo4j Browser link. */
let settings = { neo4jBrowserUrl: null };
let settingsLoaded = Promise.resolve();

async function loadSettings() {
  try {
    settings = await request('/api/explorer');
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    settings = { neo4jBrowserUrl: null }; // an older server: nothing configured to offer
  }
}

/** Offers the file to the browser's download (a blob: address, released once the download has started). */
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  setStatus(`Saved ${name} (${blob.size.toLocaleString('en-US')} bytes).`);
}

/** The diagram as it is drawn now (positions, zoom-independent, the whole graph), at twice the screen's resolution. */
function savePng() {
  if (!cy) return;
  saveBlob(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), exportFileName(shown, 'png'));
}

/** The API's SVG report of the same answer (GraphService.Reports' own drawing of it). */
async function saveSvg() {
  if (!current || current.kind === 'overview') return;
  const mediaType = 'image/svg+xml';
  const { text, contentType } = await request(formatUrl(current.url, 'svg'), mediaType);
  if (!isMediaType(contentType, mediaType)) {
    throw new ProblemError({ message: `Nothing was saved: this server answered the SVG request with ${contentType.split(';')[0] || 'an unlabelled body'}, not ${mediaType}.` });
  }
  saveBlob(new Blob([text], { type: mediaType }), exportFileName(shown, 'svg'));
}

/**
 * "Open in Neo4j Browser": the answer's reproducing Cypher (the API's ?format=cypher) in the configured Browser's
 * editor. Offered for paths and neighbourhoods when Explorer:Neo4jBrowserUrl is set.
 */
async function linkNeo4jBrowser() {
  const link = $('neo4j-browser');
  link.hidden = true;
  link.removeAttribute('href');
  const shownNow = current;
  await settingsLoaded;
  if (!settings.neo4jBrowserUrl || !shownNow || shownNow.kind === 'overview') return;
  const { text, contentType } = await request(formatUrl(shownNow.url, 'cypher'), copyFormats.cypher.mediaType);
  if (current !== shownNow) return;
  if (!isMediaType(contentType, copyFormats.cypher.mediaType)) return; // a server without ?format=cypher: nothing to open
  link.href = neo4jBrowserUrl(settings.neo4jBrowserUrl, text);
  link.hidden = false;
}

// ---- the page's address: what is shown is in the URL (links.js) -------------------------------------------------

let shown = null; // the state drawn (or being drawn) now
let drawTicket = 0;

/** Draws a state's answer; an answer that arrives after a newer state was asked for is dropped. */
async function show(state) {
  shown = state;
  const ticket = ++drawTicket;
  const isCurrent = () => ticket === drawTicket;
  if (state.view === 'paths') {
    await fillForm(state);
    if (isCurrent()) await loadPaths(state, isCurrent);
  } else if (state.view === 'entity') {
    await loadNeighborhood(state.entity, isCurrent);
  } else {
    await showStart(isCurrent);
  }
}

/** A user's request: a new history entry (Back returns to what was shown before), then its answer. */
function navigate(state) {
  if (!sameState(state, shown)) window.history.pushState(null, '', `${window.location.pathname}${searchFromState(state)}`);
  return show(state);
}

/** Back and Forward: draw what the address now asks for, unless only the document hash changed. */
function followAddress() {
  const state = stateFromSearch(window.location.search);
  if (!sameState(state, shown)) guarded(() => show(state))();
}

/**
 * The start page: the whole graph when it is small, else its most connected entities (/api/overview), with the
 * configured starting points (Explorer:Featured) highlighted and offered as buttons.
 */
async function showStart(isCurrent) {
  setStatus('Loading the overview…');
  const result = await request(overviewUrl());
  if (!isCurrent()) return;
  const graph = overviewGraph(result);
  const featured = new Set(graph.featured.map((f) => f.id));
  const list = el('div', {},
    graph.featured.length > 0
      ? el('p', { className: 'starting-points' }, 'Start from: ', graph.featured.map((f) => entityButton(f)))
      : null,
    el('p', { className: 'muted' }, 'Entities, most connected first:'),
    el('ul', { className: 'overview-list' }, graph.nodes.map((n) => el('li', {}, entityButton(n), ` ${n.degree} ${n.degree === 1 ? 'relationship' : 'relationships'}`))));
  // Rings by degree: the most connected entities in the middle, the least on the outside; bigger nodes have more relationships.
  const layout = {
    name: 'concentric', concentric: (node) => node.data('degree'), levelWidth: () => 2, minNodeSpacing: 24, padding: 16,
    avoidOverlap: true, nodeDimensionsIncludeLabels: true,
  };
  showResult('overview', overviewUrl(), result, graph, null, layout, list, overviewSummary(result), featured);
}

// ---- start ----------------------------------------------------------------------------------------------------

function start() {
  attachSuggestions($('from'), $('from-suggestions'));
  attachSuggestions($('to'), $('to-suggestions'));
  // preventDefault must run before the handler's first await, or the browser submits the form itself.
  $('path-form').addEventListener('submit', (event) => {
    event.preventDefault();
    for (const cancel of suggestionCancels) cancel();
    if ($('path-form').reportValidity()) guarded(() => navigate(formState()))();
  });
  $('save-png').addEventListener('click', guarded(savePng));
  $('show-suggestions').addEventListener('click', guarded(showSuggestions));
  $('save-svg').addEventListener('click', guarded(saveSvg));
  $('copy-link').addEventListener('click', guarded(() => {
    if (shown) return copyText(shareableUrl(window.location.origin, window.location.pathname, shown), 'the link to this view');
    return undefined;
  }));
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', guarded(() => copyFormat(button.dataset.copy)));
  }
  window.addEventListener('hashchange', followHash);
  window.addEventListener('popstate', followAddress);
  schemaLoaded = loadSchema().catch(showError);
  settingsLoaded = loadSettings().catch(showError);
  guarded(() => show(stateFromSearch(window.location.search)))();
  followHash();
}

// For the browser test and the console: the diagram of the current result.
window.explorer = { get cy() { return cy; } };

start();
