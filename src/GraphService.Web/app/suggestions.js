// Suggested claims for a document (GET /api/documents/{id}/suggestions): rule-based drafts for an analyst to review,
// never imported by themselves. Pure functions (no DOM) so that node's test runner checks them
// (test/suggestions.test.mjs); app.js shows them in the document view.
//
// The answer: { documentId, graphVersion,
//   claims: [{ subject, object, predicate (or null), document, quote, start, end, score, existing, cue }],
//   newEntities: [{ name, mentions: [{ start, end }] }] }
// Offsets are UTF-16 code units into the whole document, as the document view's spans are.

export const PROBLEM_NOT_FOUND = 'https://graphservice.dev/problems/not-found';

export function suggestionsUrl(documentId) {
  return `/api/documents/${encodeURIComponent(documentId)}/suggestions`;
}

/**
 * What to say when the suggestions could not be had, or null when the failure is not one the page expects. A server
 * without the endpoint (older than it) answers 404 with the generic not-found problem (or, behind a proxy, no
 * problem at all); that is told plainly rather than shown as an error.
 */
export function suggestionsUnavailable(status, problemType) {
  if (status === 404 && (problemType === PROBLEM_NOT_FOUND || problemType === null || problemType === undefined)) {
    return 'This server does not draft suggested claims (it has no /api/documents/{id}/suggestions); an upgraded server will.';
  }
  return null;
}

/**
 * The suggestions as the list shows them, in the server's order (best first). `nameOf` gives an entity's name from its
 * id, `phraseOf` a predicate's phrase from its type; `key` is what the list item and the text's highlight share.
 */
export function suggestionItems(answer, nameOf = (id) => id, phraseOf = (type) => type) {
  const claims = Array.isArray(answer?.claims) ? answer.claims : [];
  return claims.map((c, i) => ({
    key: `s${i}`,
    subject: nameOf(c.subject),
    object: nameOf(c.object),
    relation: c.predicate ? phraseOf(c.predicate) : null,
    predicate: c.predicate ?? null,
    quote: c.quote,
    start: c.start,
    end: c.end,
    score: typeof c.score === 'number' ? c.score : null,
    existing: Boolean(c.existing),
    cue: c.cue ?? null,
  }));
}

/** One line for a suggestion: "A leads B", or "A — B (no cue for a predicate)"; the score to two decimals. */
export function suggestionLine(item) {
  const claim = item.relation ? `${item.subject} ${item.relation} ${item.object}` : `${item.subject} — ${item.object} (no cue for a predicate)`;
  return item.score === null ? claim : `${claim} · score ${item.score.toFixed(2)}`;
}

/** Candidate new entities: their name and how often the document names them, most mentioned first, then by name. */
export function newEntityItems(answer) {
  const entities = Array.isArray(answer?.newEntities) ? answer.newEntities : [];
  return entities
    .map((e) => ({ name: e.name, mentions: Array.isArray(e.mentions) ? e.mentions.length : 0 }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, 'en'));
}

/**
 * The spans to mark in one page of the document: each suggestion's quote (kind 'suggestion', refId its key) and each
 * mention of a candidate new entity (kind 'new-entity', refId its name), those that overlap the page's range, in page
 * offsets (the page's text starts at range.offset). spans.js clips what runs past the page.
 */
export function suggestionSpans(answer, items, range) {
  const pageStart = range.offset;
  const pageEnd = range.offset + range.length;
  const overlaps = (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start && s.start < pageEnd && s.end > pageStart;
  const local = (s) => ({ start: s.start - pageStart, end: s.end - pageStart });
  const quotes = items.filter(overlaps).map((item) => ({ ...local(item), kind: 'suggestion', refId: item.key }));
  const names = (Array.isArray(answer?.newEntities) ? answer.newEntities : [])
    .flatMap((e) => (Array.isArray(e.mentions) ? e.mentions : []).filter(overlaps).map((m) => ({ ...local(m), kind: 'new-entity', refId: e.name })));
  return [...quotes, ...names];
}
