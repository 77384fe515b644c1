import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateRange, timelineLayout, yearTicks } from '../app/timeline.js';

const day = (text) => Date.UTC(...text.split('-').map((n, i) => (i === 1 ? Number(n) - 1 : Number(n))));
const names = { khazali: 'Qais al-Khazali', aah: "Asa'ib Ahl al-Haq", iran: 'Iran', us: 'United States' };
const nameOf = (id) => names[id] ?? id;
const cite = (published, stance = 'supports', documentId = 'doc') => ({ published, stance, documentId, title: `T ${documentId}` });
const rel = (id, extra) => ({ id, startNodeId: 'khazali', endNodeId: 'aah', phrase: 'leads', contested: false, since: null, until: null, citations: [], ...extra });

test('a partial date spans its first to its last day', () => {
  assert.deepEqual(dateRange('2007'), { first: day('2007-1-1'), last: day('2007-12-31') });
  assert.deepEqual(dateRange('2008-02'), { first: day('2008-2-1'), last: day('2008-2-29') });
  assert.deepEqual(dateRange('2014-06-10'), { first: day('2014-6-10'), last: day('2014-6-10') });
  for (const bad of [null, '', 'unknown', '2014-13', '2014-02-30', '14']) assert.equal(dateRange(bad), null, String(bad));
});

test('since and until place a bar from the first day of since to the last day of until', () => {
  const layout = timelineLayout([rel('r1', { since: '2000', until: '2009' })], nameOf);
  assert.equal(layout.rows.length, 1);
  const [row] = layout.rows;
  assert.equal(row.label, "Qais al-Khazali leads Asa'ib Ahl al-Haq");
  assert.equal(row.basis, 'stated');
  assert.equal(layout.axis.start, day('2000-1-1'));
  assert.equal(layout.axis.end, day('2009-12-31'));
  assert.deepEqual([row.x0, row.x1, row.openStart, row.openEnd], [0, 1, false, false]);
  assert.deepEqual(layout.axis.ticks.map((t) => t.year), [2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009]);
});

test('an open end runs to the edge of the axis, which the other rows and the sources set', () => {
  const layout = timelineLayout([
    rel('r1', { since: '2007' }),
    rel('r2', { until: '2003', citations: [cite('2018-08-30')] }),
  ], nameOf);
  const [early, late] = layout.rows;
  assert.deepEqual([early.id, early.openStart, early.x0], ['r2', true, 0]);
  assert.deepEqual([late.id, late.openEnd, late.x1], ['r1', true, 1]);
  // The axis reaches the publication date of r2's source.
  assert.equal(layout.axis.end, day('2018-8-30'));
  assert.ok(Math.abs(early.marks[0].x - 1) < 1e-9);
});

test('a relationship that states no dates is placed by its sources\' publication dates', () => {
  const layout = timelineLayout([
    rel('r1', { citations: [cite('2019-11-18', 'supports', 'afp'), cite('2018-08-30', 'supports', 'wapo'), cite(null, 'supports', 'undated')] }),
  ], nameOf);
  const [row] = layout.rows;
  assert.equal(row.basis, 'reported');
  assert.deepEqual(row.marks.map((m) => m.documentId), ['wapo', 'afp'], 'undated sources have no mark; marks in time order');
  assert.equal(layout.axis.start, day('2018-8-30'));
  assert.equal(layout.axis.end, day('2019-11-18'));
  assert.deepEqual([row.x0, row.x1], [0, 1]);
});

test('contested relationships and disputing sources are marked', () => {
  const layout = timelineLayout([
    rel('r1', { contested: true, since: '2010', citations: [cite('2012', 'supports'), cite('2015-03', 'disputes')] }),
  ], nameOf);
  const [row] = layout.rows;
  assert.equal(row.contested, true);
  assert.deepEqual(row.marks.map((m) => m.stance), ['supports', 'disputes']);
});

test('a relationship with no date at all is listed as undated, not placed', () => {
  const layout = timelineLayout([rel('r1', { contested: true, citations: [cite(null)] })], nameOf);
  assert.equal(layout.axis, null);
  assert.deepEqual(layout.rows, []);
  assert.deepEqual(layout.undated, [{ id: 'r1', label: "Qais al-Khazali leads Asa'ib Ahl al-Haq", contested: true }]);
});

test('a single day still gets an axis a year wide, centred on it', () => {
  const layout = timelineLayout([rel('r1', { since: '2020-01-03', until: '2020-01-03' })], nameOf);
  const [row] = layout.rows;
  assert.ok(Math.abs(row.x0 - 0.5) < 0.01 && Math.abs(row.x1 - 0.5) < 0.01, `${row.x0}..${row.x1}`);
  assert.ok(layout.axis.end - layout.axis.start >= 365 * 86_400_000);
});

test('rows are ordered by start, then end, then id', () => {
  const layout = timelineLayout([
    rel('r3', { since: '2005', until: '2010' }),
    rel('r2', { since: '2005', until: '2008' }),
    rel('r1', { since: '2005', until: '2008' }),
    rel('r0', { since: '2001', until: '2002' }),
  ], nameOf);
  assert.deepEqual(layout.rows.map((r) => r.id), ['r0', 'r1', 'r2', 'r3']);
});

test('year ticks stay few on a long axis, on round years', () => {
  assert.deepEqual(yearTicks(day('1979-1-1'), day('2020-1-3')).map((t) => t.year), [1980, 1985, 1990, 1995, 2000, 2005, 2010, 2015, 2020]);
  assert.deepEqual(yearTicks(day('2014-3-1'), day('2015-6-1')).map((t) => t.year), [2015]);
});
