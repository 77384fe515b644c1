// The GraphService explorer. Every string that comes from the API is put into the page as text (textContent, text
// nodes, attribute values), never parsed as HTML.
import { pieces } from './spans.js';

const $ = (id) => document.getElementById(id);

/** Creates an element; `props` sets properties (className, type, title…) and `on*` listeners; children are nodes or text. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An API failure, with the problem's `detail` (or title) as the message to show. */
class ProblemError extends Error {}

async function request(path, accept = 'application/json') {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: accept } });
  } catch (e) {
    throw new ProblemError(`The service could not be reached (${e.message}).`);
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) {
      const problem = await response.json();
      message = problem.detail || problem.title || message;
    }
    throw new ProblemError(message);
  }
  return accept === 'application/json' ? response.json() : response.text();
}

function showError(error) {
  const box = $('error');
  box.textContent = error instanceof ProblemError ? error.message : `Unexpected error: ${error.message}`;
  box.hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

function setStatus(text) {
  $('status').textContent = text;
}

/** Runs an async handler and shows its failure on the page instead of leaving an unhandled rejection. */
function guarded(fn) {
  return (...args) => {
    clearError();
    Promise.resolve()
      .then(() => fn(...args))
      .catch(showError);
  };
}

function showVersion(graphVersion) {
  if (graphVersion) $('graph-version').textContent = `graph version ${graphVersion}`;
}

// ---- schema: relationship types -------------------------------------------------------------------------------

async function loadSchema() {
  const schema = await request('/api/schema');
  showVersion(schema.graphVersion);
  const box = $('types');
  $('types-loading').remove();
  for (const p of schema.predicates ?? []) {
    const id = `type-${p.type}`;
    box.append(el('label', { htmlFor: id },
      el('input', { type: 'checkbox', id, name: 'types', value: p.type }),
      `${p.phrase} (${p.count ?? 0})`));
  }
}

// ---- suggestions ----------------------------------------------------------------------------------------------

/** The search answer as a list, whether the API sends a bare array or wraps it. */
function hitsOf(json) {
  if (Array.isArray(json)) return json;
  for (const key of ['items', 'hits', 'results', 'entities']) {
    if (Array.isArray(json?.[key])) return json[key];
  }
  return [];
}

function attachSuggestions(input, list) {
  let timer;
  let latest = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return;
    timer = setTimeout(guarded(async () => {
      const ticket = ++latest;
      const json = await request(`/api/entities?search=${encodeURIComponent(text)}&limit=10`);
      if (ticket !== latest) return;
      list.replaceChildren(...hitsOf(json).map((hit) => el('option', {
        value: hit.name,
        label: hit.matchedText && hit.matchedText !== hit.name ? `${hit.name} — ${hit.type}, matched “${hit.matchedText}”` : `${hit.name} — ${hit.type}`,
      })));
    }), 200);
  });
}

// ---- results --------------------------------------------------------------------------------------------------

let current = null; // { kind, url, result, relationships: Map }
let cy = null;

function drawGraph(nodes, relationships, rootId) {
  if (typeof window.cytoscape !== 'function') throw new ProblemError('The diagram library (lib/cytoscape.min.js) did not load.');
  if (cy) cy.destroy();
  const elements = [
    ...nodes.map((n) => ({ data: { id: n.id, label: n.name, type: n.type } })),
    ...relationships.map((r) => ({
      data: { id: `rel:${r.id}`, relId: r.id, source: r.startNodeId, target: r.endNodeId, label: r.phrase, contested: r.contested ? 'yes' : 'no' },
    })),
  ];
  cy = window.cytoscape({
    container: $('graph'),
    elements,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'text-valign': 'bottom', 'text-margin-y': 4, 'font-size': 12, 'background-color': '#dbeafe', 'border-width': 1, 'border-color': '#57606a', 'text-wrap': 'wrap', 'text-max-width': 140 } },
      { selector: 'node[type = "Organization"]', style: { 'background-color': '#fde7c8', shape: 'round-rectangle' } },
      { selector: 'node[type = "Place"]', style: { 'background-color': '#d3f0dc', shape: 'diamond' } },
      { selector: 'node[type = "Event"]', style: { 'background-color': '#ead9fb', shape: 'hexagon' } },
      { selector: `node[id = ${JSON.stringify(rootId)}]`, style: { 'border-width': 3 } },
      { selector: 'edge', style: { label: 'data(label)', 'font-size': 10, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#8c959f', 'target-arrow-color': '#57606a', 'text-background-color': '#fff', 'text-background-opacity': 1, 'text-rotation': 'autorotate' } },
      { selector: 'edge[contested = "yes"]', style: { 'line-style': 'dashed', 'line-color': '#b42318', 'target-arrow-color': '#b42318', color: '#b42318' } },
      { selector: ':selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#0969da' } },
    ],
    layout: { name: 'breadthfirst', roots: [rootId], directed: false, spacingFactor: 1.1, padding: 20 },
  });
  cy.on('tap', 'edge', guarded((event) => showEvidence(current.relationships.get(event.target.data('relId')))));
  cy.on('tap', 'node', guarded((event) => loadNeighborhood(event.target.id())));
}

function entityButton(node) {
  return el('button', { type: 'button', className: 'entity-button', title: `Neighborhood of ${node.name}`, onclick: guarded(() => loadNeighborhood(node.id)) }, node.name);
}

function relationshipButton(r, label) {
  return el('button', {
    type: 'button',
    className: r.contested ? 'relationship-button contested' : 'relationship-button',
    title: 'Show the quotes for this relationship',
    onclick: guarded(() => showEvidence(r)),
  }, label, r.contested ? ' (contested)' : '');
}

function showResult(kind, url, result, nodes, relationships, rootId, list, summary) {
  current = { kind, url, result, nodes: new Map(nodes.map((n) => [n.id, n])), relationships: new Map(relationships.map((r) => [r.id, r])) };
  showVersion(result.graphVersion);
  $('result').hidden = false;
  $('result-title').textContent = summary;
  $('result-list').replaceChildren(list);
  $('copy-fallback-label').hidden = true;
  drawGraph(nodes, relationships, rootId);
  setStatus(`${summary}${result.truncated ? ' (the search stopped early; more may exist)' : ''}`);
}

async function loadPaths() {
  const form = $('path-form');
  if (!form.reportValidity()) return;
  const params = new URLSearchParams({ from: $('from').value.trim(), to: $('to').value.trim(), maxHops: $('max-hops').value });
  const types = [...form.querySelectorAll('input[name="types"]:checked')].map((c) => c.value);
  if (types.length > 0) params.set('types', types.join(','));
  const url = `/api/paths?${params}`;
  setStatus('Searching…');
  const result = await request(url);
  const nodes = dedupe([result.from, ...result.paths.flatMap((p) => p.nodes), result.to]);
  const relationships = dedupe(result.paths.flatMap((p) => p.relationships));
  const list = result.paths.length === 0
    ? el('p', {}, `No path of up to ${$('max-hops').value} hops connects ${result.from.name} and ${result.to.name}.`)
    : el('ol', { className: 'result-path' }, result.paths.map((p) => el('li', {}, el('span', { className: 'hop' }, hops(p)))));
  const count = result.paths.length === 1 ? '1 path' : `${result.paths.length} paths`;
  showResult('paths', url, result, nodes, relationships, result.from.id, list, `${result.from.name} → ${result.to.name}: ${count}`);
}

/** A path as alternating entity and relationship buttons; the arrow shows which way each relationship points. */
function hops(path) {
  const parts = [entityButton(path.nodes[0])];
  path.relationships.forEach((r, i) => {
    const forward = r.startNodeId === path.nodes[i].id;
    parts.push(relationshipButton(r, forward ? `— ${r.phrase} →` : `← ${r.phrase} —`));
    parts.push(entityButton(path.nodes[i + 1]));
  });
  return parts;
}

async function loadNeighborhood(id) {
  const url = `/api/entities/${encodeURIComponent(id)}/neighborhood?depth=1&limit=50`;
  setStatus('Loading neighborhood…');
  const result = await request(url);
  const nodes = dedupe([result.center, ...result.nodes]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const name = (nodeId) => byId.get(nodeId)?.name ?? nodeId;
  const list = el('ul', { className: 'result-path' }, result.relationships.map((r) => el('li', {}, el('span', { className: 'hop' },
    byId.has(r.startNodeId) ? entityButton(byId.get(r.startNodeId)) : name(r.startNodeId),
    relationshipButton(r, `— ${r.phrase} →`),
    byId.has(r.endNodeId) ? entityButton(byId.get(r.endNodeId)) : name(r.endNodeId)))));
  const count = `${nodes.length} entities, ${result.relationships.length} relationships`;
  showResult('neighborhood', url, result, nodes, dedupe(result.relationships), result.center.id, list, `Around ${result.center.name}: ${count}`);
}

function dedupe(items) {
  const seen = new Map();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

// ---- evidence and documents -----------------------------------------------------------------------------------

function showEvidence(r) {
  if (!r) return;
  const name = (id) => current?.nodes.get(id)?.name ?? id;
  const panel = $('evidence');
  panel.hidden = false;
  $('evidence-title').textContent = `${name(r.startNodeId)} ${r.phrase} ${name(r.endNodeId)}`;
  const facts = [
    `confidence ${r.confidence}`,
    `${r.corroboration} independent ${r.corroboration === 1 ? 'publisher' : 'publishers'}`,
    r.since || r.until ? `${r.since ?? '…'} – ${r.until ?? '…'}` : null,
  ].filter(Boolean).join(' · ');
  $('evidence-body').replaceChildren(el('div', {},
    el('p', { className: 'muted' }, facts),
    r.contested ? el('p', { className: 'error' }, 'Contested: at least one source disputes this relationship.') : null,
    el('ul', { className: 'quote-list' }, r.citations.map((c) => el('li', { className: c.stance === 'disputes' ? 'disputes' : '' },
      el('span', { className: `stance ${c.stance}` }, c.stance === 'disputes' ? 'Disputes' : 'Supports'),
      el('blockquote', {}, `“${c.quote}”`),
      el('div', {}, `${c.publisher}, ${c.published ?? 'undated'} — `, el('cite', {}, c.title), ' '),
      el('button', { type: 'button', onclick: guarded(() => openDocument(c)) }, 'Open document at this quote'),
      c.url && /^https?:\/\//i.test(c.url) ? el('a', { href: c.url, rel: 'noopener noreferrer', target: '_blank' }, ' original source') : null)))));
  $('evidence-title').focus();
}

async function openDocument(citation) {
  setStatus('Loading document…');
  const detail = await request(`/api/documents/${encodeURIComponent(citation.documentId)}`);
  showVersion(detail.graphVersion);
  const d = detail.document;
  $('document').hidden = false;
  $('document-title').textContent = d.title;
  $('document-meta').textContent = [d.publisher, d.author, d.published ?? 'undated', d.url].filter(Boolean).join(' · ');
  // The document's own span for this citation is authoritative; the citation's offsets are the fallback.
  const own = (detail.citations ?? []).find((s) => s.refId === citation.id);
  const quote = own ?? citation;
  const spans = [...(detail.mentions ?? []), { start: quote.start, end: quote.end, kind: 'quote', refId: citation.id }];
  let firstQuote = null;
  const nodes = pieces(detail.text, spans).map((piece) => {
    let node = document.createTextNode(piece.text);
    const mention = piece.spans.find((s) => s.kind !== 'quote' && s.kind !== 'citation');
    if (mention) node = el('span', { className: 'mention', title: mention.refId }, node);
    if (piece.spans.some((s) => s.kind === 'quote')) {
      node = el('mark', { className: 'quote' }, node);
      if (!firstQuote) {
        firstQuote = node;
        node.tabIndex = -1;
      }
    }
    return node;
  });
  $('document-text').replaceChildren(...nodes);
  setStatus(`Showing ${d.title}`);
  if (firstQuote) {
    firstQuote.scrollIntoView({ block: 'center' });
    firstQuote.focus({ preventScroll: true });
  } else {
    $('document-title').focus();
  }
}

// ---- copy buttons ---------------------------------------------------------------------------------------------

async function copyFormat(format) {
  if (!current) return;
  const text = await request(`${current.url}&format=${format}`, '*/*');
  const label = { markdown: 'Markdown', mermaid: 'Mermaid', cypher: 'Cypher' }[format];
  try {
    // A clipboard request the browser leaves pending (no permission prompt answered) counts as refused after 2 s.
    await Promise.race([
      navigator.clipboard.writeText(text),
      new Promise((resolve, reject) => { setTimeout(() => reject(new Error('no answer from the clipboard')), 2000); }),
    ]);
    setStatus(`Copied the ${label} of this result.`);
    $('copy-fallback-label').hidden = true;
  } catch (e) {
    // The clipboard needs a secure context and permission; offer the text to copy by hand instead.
    $('copy-fallback').value = text;
    $('copy-fallback-label').hidden = false;
    $('copy-fallback').select();
    setStatus(`The browser did not allow copying (${e.message}); the ${label} is selected below to copy by hand.`);
  }
}

// ---- start ----------------------------------------------------------------------------------------------------

function start() {
  attachSuggestions($('from'), $('from-suggestions'));
  attachSuggestions($('to'), $('to-suggestions'));
  // preventDefault must run before the handler's first await, or the browser submits the form itself.
  $('path-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(loadPaths)();
  });
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', guarded(() => copyFormat(button.dataset.copy)));
  }
  guarded(loadSchema)();
}

start();
