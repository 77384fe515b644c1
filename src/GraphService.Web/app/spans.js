// Splits a document's text at span boundaries so that it can be rendered as DOM text nodes, with no HTML parsing.
// Offsets are UTF-16 code unit indexes, as the API gives them (the same unit as JavaScript strings).

/**
 * @param {string} text
 * @param {{start: number, end: number, kind: string, refId: string}[]} spans
 * @returns {{text: string, start: number, end: number, spans: object[]}[]} consecutive pieces covering the whole text;
 *   each piece lists the spans that cover it. Spans outside the text are clipped; empty ones are ignored.
 */
export function pieces(text, spans) {
  const valid = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    result.push({ text: text.slice(start, end), start, end, spans: valid.filter((s) => s.start <= start && s.end >= end) });
  }
  return result;
}
