// Draws a scenario as an SVG graph: steps in columns by distance from the entry step,
// transitions as arrows labelled with their condition. Columns are spaced for their
// labels, and each label sits on a background of its own, between the boxes it joins.
import { s } from './dom.js';

const W = 170;
const H = 50;
const GAP_Y = 64;
const TOP = 40;
const LEFT = 20;
const CHAR_W = 6.7; // width of one character of an 11px monospace label
const MIN_GAP_X = 90;
const MAX_GAP_X = 250;

export function scenarioGraph(scenario) {
  const steps = scenario.steps || [];
  if (!steps.length) {
    return s('svg', { class: 'graph', viewBox: '0 0 300 60', role: 'img', 'aria-label': 'No steps yet' },
      s('text', { x: 10, y: 35, class: 'graph-empty' }, 'No steps yet'));
  }
  const ids = steps.map((st) => st.id);
  const entry = scenario.entry_step && ids.includes(scenario.entry_step) ? scenario.entry_step : ids[0];
  const layer = new Map([[entry, 0]]);
  const queue = [entry];
  while (queue.length) {
    const id = queue.shift();
    const step = steps.find((st) => st.id === id);
    for (const t of step?.transitions || []) {
      if (ids.includes(t.to) && !layer.has(t.to)) {
        layer.set(t.to, layer.get(id) + 1);
        queue.push(t.to);
      }
    }
  }
  let maxLayer = Math.max(...layer.values());
  for (const id of ids) if (!layer.has(id)) layer.set(id, ++maxLayer);
  const columns = new Map();
  for (const id of ids) {
    const l = layer.get(id);
    if (!columns.has(l)) columns.set(l, []);
    columns.get(l).push(id);
  }
  // The gap after each column fits the longest label of the edges that cross it forward.
  const gaps = new Array(maxLayer + 1).fill(MIN_GAP_X);
  for (const step of steps) {
    for (const t of step.transitions || []) {
      const from = layer.get(step.id);
      if (!ids.includes(t.to) || layer.get(t.to) <= from) continue;
      const width = Math.min(labelOf(t).length, 40) * CHAR_W + 24;
      gaps[from] = Math.min(MAX_GAP_X, Math.max(gaps[from], width));
    }
  }
  const columnX = [LEFT];
  for (let l = 1; l <= maxLayer; l++) columnX[l] = columnX[l - 1] + W + gaps[l - 1];
  const pos = new Map();
  let rows = 0;
  for (const [l, col] of columns) {
    col.forEach((id, i) => pos.set(id, { x: columnX[l], y: TOP + i * (H + GAP_Y), layer: l }));
    rows = Math.max(rows, col.length);
  }
  const width = columnX[maxLayer] + W + LEFT + 90;
  const height = TOP + rows * (H + GAP_Y) - GAP_Y + 50;
  const svg = s('svg', { class: 'graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': `Scenario ${scenario.name || ''}: ${steps.length} steps, entry ${nameOf(steps, entry)}` },
  s('defs', null, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8,
    orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }))));
  const edges = s('g', { class: 'edges' });
  const labels = s('g', { class: 'edge-labels' });
  const nodes = s('g', { class: 'nodes' });
  svg.append(edges, nodes, labels);
  for (const step of steps) {
    const from = pos.get(step.id);
    const out = (step.transitions || []).filter((t) => pos.has(t.to));
    out.forEach((t, i) => {
      const to = pos.get(t.to);
      const label = labelOf(t);
      let d;
      let lx;
      let ly;
      let room;
      if (t.to === step.id) {
        d = `M ${from.x + W - 40} ${from.y} C ${from.x + W - 20} ${from.y - 34}, ${from.x + W + 24} ${from.y - 10}, ${from.x + W} ${from.y + 14}`;
        lx = from.x + W + 14;
        ly = from.y - 22;
        room = 80;
      } else if (to.layer > from.layer) {
        const spread = (i - (out.length - 1) / 2) * 8;
        const x1 = from.x + W;
        const y1 = from.y + H / 2 + spread;
        const x2 = to.x;
        const y2 = to.y + H / 2;
        const gap = x2 - x1;
        d = `M ${x1} ${y1} C ${x1 + gap / 2} ${y1}, ${x2 - gap / 2} ${y2}, ${x2} ${y2}`;
        // Over the straight part just after the source box, away from both boxes.
        lx = x1 + gap / 2;
        ly = (y1 + y2) / 2 - 8;
        room = gaps[from.layer] - 16;
      } else if (to.layer === from.layer) {
        // Same column: around the right side of both boxes.
        const x1 = from.x + W;
        const y1 = from.y + H / 2;
        const y2 = to.y + H / 2;
        const bend = x1 + 40 + i * 10;
        d = `M ${x1} ${y1} C ${bend} ${y1}, ${bend} ${y2}, ${x1} ${y2}`;
        lx = bend + 4;
        ly = (y1 + y2) / 2 + 4;
        room = 80;
      } else {
        // Backwards: under both boxes, the label under the curve.
        const x1 = from.x + W / 2;
        const y1 = from.y + H;
        const x2 = to.x + W / 2 + 10;
        const y2 = to.y + H;
        const dip = Math.max(y1, y2) + 26 + i * 6;
        d = `M ${x1} ${y1} C ${x1} ${dip}, ${x2} ${dip}, ${x2} ${y2}`;
        lx = (x1 + x2) / 2;
        ly = (y1 + y2) / 8 + (dip * 3) / 4 + 14;
        room = Math.abs(x1 - x2) - 20;
      }
      edges.append(s('path', { d, class: 'edge', 'marker-end': 'url(#arrow)' },
        s('title', null, `${nameOf(steps, step.id)} → ${nameOf(steps, t.to)}${label ? `: ${label}` : ''}`)));
      if (label) labels.append(edgeLabel(label, lx, ly, room, to.layer === from.layer && t.to !== step.id));
    });
  }
  for (const step of steps) {
    const p = pos.get(step.id);
    const cls = ['node', step.id === entry ? 'entry' : '', step.terminal ? 'terminal' : ''].join(' ').trim();
    const g = s('g', { class: cls, transform: `translate(${p.x} ${p.y})` },
      s('title', null, `${step.name || step.id}${step.instructions ? `: ${step.instructions}` : ''}`),
      s('rect', { width: W, height: H, rx: 8 }),
      step.terminal ? s('rect', { x: 3, y: 3, width: W - 6, height: H - 6, rx: 6, class: 'inner' }) : null,
      s('text', { x: W / 2, y: 21, 'text-anchor': 'middle', class: 'node-title' }, clip(step.name || step.id, 21)),
      s('text', { x: W / 2, y: 38, 'text-anchor': 'middle', class: 'node-sub' },
        clip((step.collects || []).map((f) => f.name).join(', ') || (step.terminal ? 'end' : step.id), 26)));
    nodes.append(g);
  }
  return svg;
}

function labelOf(t) {
  return t.condition || t.when || '';
}

function nameOf(steps, id) {
  return steps.find((st) => st.id === id)?.name || id;
}

// A label clipped to the room it has, on a background so that no line runs through it.
function edgeLabel(label, x, y, room, leftAligned) {
  const chars = Math.max(6, Math.floor(room / CHAR_W));
  const text = clip(label, chars);
  const w = text.length * CHAR_W + 8;
  const left = leftAligned ? x - 4 : x - w / 2;
  return s('g', { class: 'edge-label-box' },
    s('rect', { x: left, y: y - 11, width: w, height: 15, rx: 3, class: 'edge-label-bg' }),
    s('text', { x, y, class: 'edge-label', 'text-anchor': leftAligned ? 'start' : 'middle' }, text));
}

function clip(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
