// Pure functions over the API's answers: no DOM, no fetch, so that node's test runner checks them (test/model.test.mjs).

/** The media type each copy button asks for, as the API's report formats name them (GraphService.Reports.ReportFormats). */
export const copyFormats = {
  markdown: { label: 'Markdown', mediaType: 'text/markdown' },
  mermaid: { label: 'Mermaid', mediaType: 'text/vnd.mermaid' },
  cypher: { label: 'Cypher', mediaType: 'application/x-cypher-query' },
};

/**
 * What to tell the user about a failed request. `body` is the parsed problem+json when the server sent one.
 * Returns the message (the problem's detail, else its title, else the status line), the query parameter the problem
 * is about (from, to, …) and the entities the server offers instead (suggestions of an unknown name, candidates of an
 * ambiguous one).
 */
export function describeProblem(status, statusText, body) {
  const line = `${status}${statusText ? ` ${statusText}` : ''}`;
  if (!body || typeof body !== 'object') return { message: `The server answered ${line}.`, parameter: null, choices: [] };
  const message = body.detail || body.title || `The server answered ${line}.`;
  const choices = [...(Array.isArray(body.candidates) ? body.candidates : []), ...(Array.isArray(body.suggestions) ? body.suggestions : [])]
    .filter((c) => c && typeof c.id === 'string' && typeof c.name === 'string');
  return { message, parameter: typeof body.parameter === 'string' ? body.parameter : null, choices };
}

/** Whether a response's Content-Type is the media type asked for (parameters such as charset ignored). */
export function isMediaType(contentType, expected) {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === expected.toLowerCase();
}

/** The URL of the same result in another format: the result's URL with format=… set (replacing any earlier one). */
export function formatUrl(resultUrl, format) {
  const [path, query = ''] = resultUrl.split('?');
  const params = new URLSearchParams(query);
  params.set('format', format);
  return `${path}?${params}`;
}

export function neighborhoodUrl(id, depth = 1, limit = 50) {
  return `/api/entities/${encodeURIComponent(id)}/neighborhood?depth=${depth}&limit=${limit}`;
}

/** One suggestion line: the name and type, and the alias or spelling that matched when it is not the name itself. */
export function suggestionText(hit) {
  const matched = hit.matchedText && hit.matchedText.toLowerCase() !== hit.name.toLowerCase() ? hit.matchedText : null;
  const aliases = (hit.aliases ?? []).filter((a) => a !== matched);
  return {
    name: hit.name,
    detail: [hit.type, matched ? `matched “${matched}”` : null, aliases.length > 0 ? `also ${aliases.join(', ')}` : null].filter(Boolean).join(' · '),
  };
}

export function dedupeById(items) {
  const seen = new Map();
  for (const item of items) if (item && !seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

/** The entities and relationships of a /api/paths answer, each once, in the order the paths meet them. */
export function pathGraph(result) {
  return {
    nodes: dedupeById([result.from, ...result.paths.flatMap((p) => p.nodes), result.to]),
    relationships: dedupeById(result.paths.flatMap((p) => p.relationships)),
  };
}

/** The entities and relationships of a /api/entities/{id}/neighborhood answer, each once, the center first. */
export function neighborhoodGraph(result) {
  return { nodes: dedupeById([result.center, ...result.nodes]), relationships: dedupeById(result.relationships) };
}

/**
 * A path as the steps to show: each relationship with the entity it leads to and whether it is followed as written
 * (forward: start → end) or against its direction.
 */
export function pathSteps(path) {
  return path.relationships.map((r, i) => ({ relationship: r, forward: r.startNodeId === path.nodes[i].id, next: path.nodes[i + 1] }));
}

/** "publisher, date" of a citation, "undated" when the document has no date. */
export function citationSource(citation) {
  return `${citation.publisher || 'unknown publisher'}, ${citation.published || 'undated'}`;
}

/** The document view's address in the page (#document=…&quote=…), and back. */
export function documentHash(documentId, citationId) {
  const params = new URLSearchParams({ document: documentId });
  if (citationId) params.set('quote', citationId);
  return `#${params}`;
}

export function parseDocumentHash(hash) {
  const params = new URLSearchParams((hash ?? '').replace(/^#/, ''));
  const documentId = params.get('document');
  return documentId ? { documentId, citationId: params.get('quote') } : null;
}

/** How much of a document (UTF-16 code units, as JavaScript strings count) the document view asks for at a time. */
export const DOCUMENT_PAGE_LENGTH = 20000;

/** The API address of the page of a document that starts at offset. */
export function documentPageUrl(documentId, offset, length = DOCUMENT_PAGE_LENGTH) {
  const params = new URLSearchParams({ offset: String(offset), length: String(length) });
  return `/api/documents/${encodeURIComponent(documentId)}?${params}`;
}

/** Where the page that holds a position starts. Pages are aligned to their length, so every way to a page lands on the same one. */
export function pageStart(position, length = DOCUMENT_PAGE_LENGTH) {
  return Math.max(0, Math.floor(position / length) * length);
}

/** "characters 20,001–40,000 of 52,311", or null when the page is the whole document. */
export function pageLabel(range, total) {
  if (range.offset === 0 && range.length >= total) return null;
  const n = (x) => x.toLocaleString('en-US');
  return `characters ${n(range.offset + 1)}–${n(range.offset + range.length)} of ${n(total)}`;
}

/** The overview's request (the start page): at most `limit` entities, the API's default being 200. */
export function overviewUrl(limit = 200) {
  return `/api/overview?limit=${limit}`;
}

/**
 * The entities and relationships of a /api/overview answer, most connected first, and the ids of its starting points
 * (`featured`); a starting point outside the drawn entities is still offered, as a button.
 */
export function overviewGraph(result) {
  return {
    nodes: dedupeById(result.nodes),
    relationships: dedupeById(result.relationships),
    featured: dedupeById(result.featured ?? []),
  };
}

/** The overview's heading: the whole graph, or how much of it is shown. */
export function overviewSummary(result) {
  const entities = (n) => `${n} ${n === 1 ? 'entity' : 'entities'}`;
  return result.truncated
    ? `Overview: the ${entities(result.nodes.length)} with the most relationships, of ${result.totalEntities}`
    : `Overview: all ${entities(result.totalEntities)} and ${result.totalRelationships} ${result.totalRelationships === 1 ? 'relationship' : 'relationships'}`;
}
