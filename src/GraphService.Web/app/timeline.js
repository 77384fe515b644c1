// The timeline of a result: each relationship (claim) on a time axis, from what it says (since/until) or, when it says
// nothing, from when its sources were published. Pure layout, no DOM: app.js draws it as SVG, and node's test runner
// checks it (test/timeline.test.mjs).
//
// Dates are the API's partial dates: YYYY, YYYY-MM or YYYY-MM-DD. A "since" means its earliest day (2007 → 2007-01-01)
// and an "until" its latest (2007 → 2007-12-31), as the API's asOf filter reads them; a publication date is a point at
// its earliest day.

const DAY = 86_400_000;

/** The first and last day (UTC milliseconds) of a partial date, or null when it is not one. */
export function dateRange(text) {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(typeof text === 'string' ? text.trim() : '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), match[2] ? Number(match[2]) : null, match[3] ? Number(match[3]) : null];
  if ((month !== null && (month < 1 || month > 12)) || (day !== null && (day < 1 || day > 31))) return null;
  if (day !== null) {
    const at = Date.UTC(year, month - 1, day);
    return new Date(at).getUTCMonth() === month - 1 ? { first: at, last: at } : null;
  }
  if (month !== null) return { first: Date.UTC(year, month - 1, 1), last: Date.UTC(year, month, 1) - DAY };
  return { first: Date.UTC(year, 0, 1), last: Date.UTC(year + 1, 0, 1) - DAY };
}

/** Year ticks for an axis from `start` to `end` (ms): at most about `most` of them, on round steps (1, 2, 5, 10… years). */
export function yearTicks(start, end, most = 10) {
  const first = new Date(start).getUTCFullYear();
  const last = new Date(end).getUTCFullYear();
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];
  const step = steps.find((s) => Math.floor(last / s) - Math.ceil(first / s) + 1 <= most) ?? steps[steps.length - 1];
  const ticks = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    const at = Date.UTC(year, 0, 1);
    if (at >= start && at <= end) ticks.push({ year, at });
  }
  return ticks;
}

/**
 * Lays out the relationships of a result on one time axis.
 * @param relationships RelationshipView[] (since, until, contested, citations with published and stance)
 * @param nameOf entity id → name, for the row labels
 * @returns {{ axis: {start, end, ticks: {year, x}[]} | null, rows: object[], undated: object[] }} where each row is
 *   `{ id, label, contested, basis, x0, x1, openStart, openEnd, marks }`: x0..x1 is the bar as fractions (0–1) of the
 *   axis; basis is 'stated' (from since/until) or 'reported' (no since/until: the span of its sources' publication dates);
 *   openStart/openEnd say that the relationship gives no start or no end (the bar runs to the axis' edge); marks are its
 *   dated citations `{ x, published, stance, documentId, title }`. Rows are ordered by start, then end, then id.
 *   Relationships with no date of any kind are listed in `undated`, as `{ id, label, contested }`.
 */
export function timelineLayout(relationships, nameOf = (id) => id) {
  const label = (r) => `${nameOf(r.startNodeId)} ${r.phrase} ${nameOf(r.endNodeId)}`;
  const placed = [];
  const undated = [];
  for (const r of relationships) {
    const since = dateRange(r.since);
    const until = dateRange(r.until);
    const marks = (r.citations ?? [])
      .map((c) => ({ c, range: dateRange(c.published) }))
      .filter((m) => m.range !== null)
      .map(({ c, range }) => ({ at: range.first, published: c.published, stance: c.stance, documentId: c.documentId, title: c.title }));
    let basis = 'stated';
    let from = since?.first ?? null;
    let to = until?.last ?? null;
    if (!since && !until) {
      if (marks.length === 0) {
        undated.push({ id: r.id, label: label(r), contested: Boolean(r.contested) });
        continue;
      }
      basis = 'reported';
      from = Math.min(...marks.map((m) => m.at));
      to = Math.max(...marks.map((m) => m.at));
    }
    placed.push({ r, from, to, marks, basis });
  }

  if (placed.length === 0) return { axis: null, rows: [], undated };

  const known = placed.flatMap((p) => [p.from, p.to, ...p.marks.map((m) => m.at)]).filter((t) => t !== null);
  let start = Math.min(...known);
  let end = Math.max(...known);
  // A single day (or one year's dates) still gets an axis a year wide, centred on it.
  if (end - start < 365 * DAY) {
    const middle = (start + end) / 2;
    start = middle - 183 * DAY;
    end = middle + 183 * DAY;
  }
  const x = (t) => (t - start) / (end - start);

  const rows = placed
    .map(({ r, from, to, marks, basis }) => ({
      id: r.id,
      label: label(r),
      contested: Boolean(r.contested),
      basis,
      since: r.since ?? null,
      until: r.until ?? null,
      openStart: from === null,
      openEnd: to === null,
      x0: from === null ? 0 : x(from),
      x1: to === null ? 1 : x(to),
      marks: marks.map(({ at, ...m }) => ({ ...m, x: x(at) })).sort((a, b) => a.x - b.x),
    }))
    .sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1 || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  return { axis: { start, end, ticks: yearTicks(start, end).map((t) => ({ year: t.year, x: x(t.at) })) }, rows, undated };
}
