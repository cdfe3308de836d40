// Draws a scenario as an SVG graph: steps in columns by distance from the entry step,
// transitions as arrows labelled with their condition.
import { s } from './dom.js';

const W = 150;
const H = 48;
const GAP_X = 90;
const GAP_Y = 34;

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
  const pos = new Map();
  let rows = 0;
  for (const [l, col] of columns) {
    col.forEach((id, i) => pos.set(id, { x: 20 + l * (W + GAP_X), y: 20 + i * (H + GAP_Y) }));
    rows = Math.max(rows, col.length);
  }
  const width = 40 + (maxLayer + 1) * (W + GAP_X) - GAP_X;
  const height = 40 + rows * (H + GAP_Y) - GAP_Y + 20;
  const svg = s('svg', { class: 'graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': `Scenario ${scenario.name || ''}: ${steps.length} steps, entry ${entry}` },
  s('defs', null, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8,
    orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }))));
  const edges = s('g', { class: 'edges' });
  const nodes = s('g', { class: 'nodes' });
  svg.append(edges, nodes);
  for (const step of steps) {
    const from = pos.get(step.id);
    (step.transitions || []).forEach((t, i) => {
      const to = pos.get(t.to);
      if (!to) return;
      const label = t.condition || t.when || '';
      let d;
      let lx;
      let ly;
      if (t.to === step.id) {
        d = `M ${from.x + W - 30} ${from.y} C ${from.x + W} ${from.y - 40}, ${from.x + W + 30} ${from.y}, ${from.x + W} ${from.y + 14}`;
        lx = from.x + W;
        ly = from.y - 24;
      } else if (to.x > from.x) {
        const x1 = from.x + W;
        const y1 = from.y + H / 2 + i * 4;
        const x2 = to.x;
        const y2 = to.y + H / 2;
        d = `M ${x1} ${y1} C ${x1 + GAP_X / 2} ${y1}, ${x2 - GAP_X / 2} ${y2}, ${x2} ${y2}`;
        lx = (x1 + x2) / 2;
        ly = (y1 + y2) / 2 - 6;
      } else {
        const x1 = from.x + W / 2;
        const y1 = from.y + H;
        const x2 = to.x + W / 2 + 10;
        const y2 = to.y + H;
        const dip = Math.max(y1, y2) + 30;
        d = `M ${x1} ${y1} C ${x1} ${dip}, ${x2} ${dip}, ${x2} ${y2}`;
        lx = (x1 + x2) / 2;
        ly = dip - 4;
      }
      edges.append(s('path', { d, class: 'edge', 'marker-end': 'url(#arrow)' }, s('title', null, `${step.id} → ${t.to}${label ? `: ${label}` : ''}`)));
      if (label) edges.append(s('text', { x: lx, y: ly, class: 'edge-label', 'text-anchor': 'middle' }, label.length > 26 ? `${label.slice(0, 25)}…` : label));
    });
  }
  for (const step of steps) {
    const p = pos.get(step.id);
    const cls = ['node', step.id === entry ? 'entry' : '', step.terminal ? 'terminal' : ''].join(' ').trim();
    const g = s('g', { class: cls, transform: `translate(${p.x} ${p.y})` },
      s('title', null, `${step.name || step.id}${step.instructions ? `: ${step.instructions}` : ''}`),
      s('rect', { width: W, height: H, rx: 8 }),
      step.terminal ? s('rect', { x: 3, y: 3, width: W - 6, height: H - 6, rx: 6, class: 'inner' }) : null,
      s('text', { x: W / 2, y: 20, 'text-anchor': 'middle', class: 'node-title' }, clip(step.name || step.id, 20)),
      s('text', { x: W / 2, y: 37, 'text-anchor': 'middle', class: 'node-sub' },
        clip((step.collects || []).map((f) => f.name).join(', ') || (step.terminal ? 'end' : step.id), 24)));
    nodes.append(g);
  }
  return svg;
}

function clip(text, n) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
