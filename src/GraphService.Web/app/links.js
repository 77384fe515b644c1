// The explorer's state as the page's own URL, and back, so that a link reproduces an answer:
//   /?from=Khazali&to=al-Ameri[&maxHops=3][&k=5][&types=LEADS,MEMBER_OF][&asOf=2010]   paths between two entities
//   /?entity=hadi-al-ameri                                                            an entity's neighbourhood
//   /                                                                                 the overview (start page)
// Pure functions (no DOM) so that node's test runner checks them (test/links.test.mjs). Values are kept as the text the
// user gave: the API validates them and names a bad one in its problem, which the page shows.

/** The form's defaults (the API's own, QueryLimits): a value equal to its default is left out of the link. */
export const PATH_DEFAULTS = Object.freeze({ maxHops: '4', k: '3' });

const trimmed = (value) => (typeof value === 'string' ? value.trim() : '');

/** Relationship types from a comma-separated list or an array: trimmed, blanks dropped, each once, in the order given. */
export function typeList(value) {
  const items = Array.isArray(value) ? value : trimmed(value).split(',');
  return [...new Set(items.map((t) => trimmed(t)).filter((t) => t.length > 0))];
}

/**
 * What a query string asks the explorer to show:
 * `{ view: 'paths', from, to, maxHops, k, types, asOf }` (absent options are null, types is a list),
 * `{ view: 'entity', entity }`, or `{ view: 'overview' }` when it names no query (or only half of a path).
 */
export function stateFromSearch(search) {
  const params = new URLSearchParams(search ?? '');
  const from = trimmed(params.get('from'));
  const to = trimmed(params.get('to'));
  if (from && to) {
    const option = (name) => trimmed(params.get(name)) || null;
    return { view: 'paths', from, to, maxHops: option('maxHops'), k: option('k'), types: typeList(params.get('types')), asOf: option('asOf') };
  }
  const entity = trimmed(params.get('entity'));
  if (entity) return { view: 'entity', entity };
  return { view: 'overview' };
}

/** The query string (with its "?", or "" for the overview) of a state; options left at their default are left out. */
export function searchFromState(state) {
  const params = new URLSearchParams();
  if (state?.view === 'paths') {
    params.set('from', trimmed(state.from));
    params.set('to', trimmed(state.to));
    for (const name of ['maxHops', 'k']) {
      const value = trimmed(state[name] === null || state[name] === undefined ? '' : String(state[name]));
      if (value && value !== PATH_DEFAULTS[name]) params.set(name, value);
    }
    const types = typeList(state.types ?? []);
    if (types.length > 0) params.set('types', types.join(','));
    const asOf = trimmed(state.asOf ?? '');
    if (asOf) params.set('asOf', asOf);
  } else if (state?.view === 'entity') {
    params.set('entity', trimmed(state.entity));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether two states ask for the same answer (so that drawing it again adds no history entry). */
export function sameState(a, b) {
  return searchFromState(a) === searchFromState(b);
}

/** The /api/paths request of a paths state (the API's defaults apply to what is absent). */
export function pathsApiUrl(state) {
  const params = new URLSearchParams({ from: state.from, to: state.to });
  if (state.maxHops) params.set('maxHops', String(state.maxHops));
  if (state.k) params.set('k', String(state.k));
  const types = typeList(state.types ?? []);
  if (types.length > 0) params.set('types', types.join(','));
  if (state.asOf) params.set('asOf', state.asOf);
  return `/api/paths?${params}`;
}

/** The shareable address of a state on the page at `origin` + `pathname` (the document hash is not part of it). */
export function shareableUrl(origin, pathname, state) {
  return `${origin}${pathname}${searchFromState(state)}`;
}

/**
 * The Neo4j Browser address that opens its editor with `cypher` in it, not run (`cmd=edit&arg=…`, Neo4j Browser's URL
 * parameters). `base` is the configured Browser address (Explorer:Neo4jBrowserUrl); the statement is percent-encoded
 * (spaces as %20, which every decoder reads as a space).
 */
export function neo4jBrowserUrl(base, cypher) {
  const [withoutHash] = base.split('#');
  const separator = withoutHash.includes('?') ? (withoutHash.endsWith('?') || withoutHash.endsWith('&') ? '' : '&') : '?';
  return `${withoutHash}${separator}cmd=edit&arg=${encodeURIComponent(cypher)}`;
}

/** The file name a saved view gets: what it shows, in file-name-safe characters, and the extension. */
export function exportFileName(state, extension) {
  const parts = state?.view === 'paths' ? ['paths', state.from, state.to] : state?.view === 'entity' ? ['around', state.entity] : ['overview'];
  const slug = parts.join('-').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `graphservice-${slug.slice(0, 80) || 'view'}.${extension}`;
}
