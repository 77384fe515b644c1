// The timeline section: timeline.js's layout drawn as SVG (presentation attributes and classes only, which the page's
// Content-Security-Policy allows; no inline style).
import { $, el, svg } from './dom.js';
import { timelineLayout } from './timeline.js';

/** The relationships of a path or neighbourhood on a time axis (timeline.js lays them out); hidden for the overview. */
export function drawTimeline(relationships, name) {
  const layout = timelineLayout(relationships, name);
  const section = $('timeline');
  section.hidden = relationships.length === 0;
  if (section.hidden) return;
  const body = [];
  if (layout.axis) {
    const width = Math.max(640, $('timeline-body').clientWidth || 1000);
    const labelWidth = Math.min(380, Math.round(width * 0.38));
    const plot = width - labelWidth - 16;
    const rowHeight = 24;
    const top = 24;
    const height = top + layout.rows.length * rowHeight + 8;
    const at = (fraction) => labelWidth + fraction * plot;
    const ticks = layout.axis.ticks.map((t) => svg('g', { class: 'tick' },
      svg('line', { x1: at(t.x), x2: at(t.x), y1: top - 6, y2: height }),
      svg('text', { x: at(t.x), y: top - 10, 'text-anchor': 'middle' }, String(t.year))));
    const rows = layout.rows.map((row, i) => {
      const y = top + i * rowHeight;
      const x0 = at(row.x0);
      const x1 = Math.max(at(row.x1), x0 + 4);
      const dates = row.basis === 'stated' ? `${row.since ?? 'no start'} – ${row.until ?? 'no end'}` : 'no dates stated; placed by its sources';
      const classes = ['bar', row.basis, row.contested ? 'contested' : '', row.openStart ? 'open-start' : '', row.openEnd ? 'open-end' : ''].filter(Boolean).join(' ');
      return svg('g', { class: 'row', 'data-relationship': row.id },
        svg('title', {}, `${row.label}: ${dates}${row.contested ? ' (contested)' : ''}`),
        svg('text', { x: labelWidth - 8, y: y + 16, 'text-anchor': 'end', class: row.contested ? 'label contested' : 'label' }, row.label.length > 52 ? `${row.label.slice(0, 51)}…` : row.label),
        svg('rect', { x: x0, y: y + 6, width: x1 - x0, height: 12, rx: 3, class: classes }),
        row.marks.map((m) => svg('circle', { cx: at(m.x), cy: y + 12, r: 4, class: `source ${m.stance === 'disputes' ? 'disputes' : 'supports'}` },
          svg('title', {}, `${m.title} (${m.published})${m.stance === 'disputes' ? ', disputes' : ''}`))));
    });
    body.push(svg('svg', {
      id: 'timeline-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-label': `Timeline of ${layout.rows.length} relationships from ${layout.axis.ticks[0]?.year ?? ''} to ${layout.axis.ticks.at(-1)?.year ?? ''}`,
    }, ticks, rows));
  }
  if (layout.undated.length > 0) {
    body.push(
      el('p', { className: 'muted' }, 'Not on the axis (no date stated, no dated source):'),
      el('ul', { className: 'timeline-undated' }, layout.undated.map((u) => el('li', { className: u.contested ? 'contested' : '' }, u.label, u.contested ? ' (contested)' : ''))),
    );
  }
  $('timeline-body').replaceChildren(...body);
}
