import { h, empty, errorBox, clear, when, score, jsonOrText } from '../lib/dom.js';
import { get, enc, session } from '../lib/api.js';
import { scenarioNames, names as noNames } from '../lib/names.js';

// Names of each agent's scenarios, loaded once per page.
function namesCache() {
  const loaded = new Map();
  return (agent) => {
    if (!loaded.has(agent)) loaded.set(agent, scenarioNames(agent));
    return loaded.get(agent);
  };
}

// A session outlives its agent: name a deleted one as such.
function agentName(s) {
  return s.agent?.name || h('span', { class: 'muted' }, 'deleted agent');
}

export async function sessionsPage() {
  const agent = session.agent();
  const onlyAgent = h('input', { type: 'checkbox', id: 'only-agent', checked: !!agent, disabled: !agent });
  const status = h('select', { id: 'status-filter' },
    [['', 'Any status'], ['active', 'Active'], ['idle', 'Idle'], ['closed', 'Closed']].map(([value, label]) => h('option', { value }, label)));
  const results = h('div');
  const namesOf = namesCache();
  let cursor = null;

  async function load(append) {
    const params = new URLSearchParams({ limit: '50' });
    if (onlyAgent.checked && agent) params.set('agent', agent);
    if (status.value) params.set('status', status.value);
    if (append && cursor) params.set('cursor', cursor);
    try {
      const page = await get(`/api/sessions?${params}`);
      const names = new Map(await Promise.all([...new Set(page.items.map((s) => s.agent?.id).filter(Boolean))]
        .map(async (a) => [a, await namesOf(a)])));
      cursor = page.next_cursor || null;
      if (!append) clear(results);
      if (!page.items.length && !append && !cursor) {
        if (status.value) {
          results.append(empty(`No ${status.value} sessions here`, 'A session is idle after the agent\'s idle_after (30 minutes by default) and closed by session_close or after close_after (24 hours by default).'));
          return;
        }
        results.append(empty('No sessions yet', 'A session starts when a client converses with an agent (converse or guidance over MCP, POST /api/converse), or when you try an agent from its page.'));
        return;
      }
      let tbody = results.querySelector('tbody');
      if (!tbody) {
        tbody = h('tbody');
        results.append(h('table', { class: 'list', id: 'sessions-table' }, h('thead', null, h('tr', null,
          ['Session', 'Agent', 'Interlocutor', 'Channel', 'Status', 'Turns', 'Scenario', 'Updated'].map((c) => h('th', { scope: 'col' }, c)))), tbody));
      }
      for (const s of page.items) {
        const nm = names.get(s.agent?.id) || noNames([]);
        tbody.append(h('tr', null, h('td', null, h('a', { href: `#/sessions/${enc(s.id)}`, class: 'code' }, s.id)),
          h('td', null, agentName(s)), h('td', null, s.interlocutor), h('td', null, s.channel),
          h('td', null, h('span', { class: `badge ${s.status === 'active' ? 'ok' : ''} status-${s.status}` }, s.status)), h('td', null, s.turn_count),
          h('td', null, s.scenario ? nm.at(s.scenario.id, s.scenario.step) : h('span', { class: 'muted' }, '—')),
          h('td', null, when(s.updated_at))));
      }
      results.querySelector('.more')?.remove();
      if (cursor) results.append(h('button', { type: 'button', class: 'secondary more', onclick: () => load(true) }, 'Load more'));
    } catch (err) {
      clear(results).append(errorBox(err));
    }
  }
  onlyAgent.addEventListener('change', () => load(false));
  status.addEventListener('change', () => load(false));
  await load(false);
  return h('section', null, h('h1', null, 'Sessions'),
    h('div', { class: 'search filters' }, h('label', { for: 'status-filter' }, 'Status'), status,
      h('span', { class: 'check-inline' }, onlyAgent, h('label', { for: 'only-agent' }, agent ? `Only agent ${agent}` : 'All agents'))),
    results);
}

export async function sessionPage(id) {
  const s = await get(`/api/sessions/${enc(id)}`);
  const names = await scenarioNames(s.agent?.id);
  const vars = Object.entries(s.variables || {});
  return h('section', null,
    h('div', { class: 'title-row' }, h('h1', null, `Session ${s.id}`), h('a', { class: 'button secondary', href: '#/sessions' }, 'All sessions')),
    h('div', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', null, 'Agent'), h('dd', null, agentName(s)),
      h('dt', null, 'Interlocutor'), h('dd', null, h('a', { href: `#/interlocutors/${enc(s.interlocutor)}`, id: 'interlocutor-link' }, s.interlocutor)),
      h('dt', null, 'Channel'), h('dd', null, s.channel),
      h('dt', null, 'Status'), h('dd', null, s.status),
      h('dt', null, 'Scenario'), h('dd', null, s.scenario ? names.at(s.scenario.id, s.scenario.step) : 'none'),
      h('dt', null, 'Started'), h('dd', null, when(s.created_at)),
      h('dt', null, 'Variables'), h('dd', null, vars.length ? h('table', { class: 'mini' }, h('tbody', null,
        vars.map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, jsonOrText(v)))))) : 'none'),
      h('dt', null, 'Left unfinished'), h('dd', { id: 'abandoned-scenarios' }, abandonedList(s.abandoned_scenarios || [], names)))),
    h('h2', null, `Turns (${s.turns.length})`),
    s.turns.length ? h('ol', { class: 'turns' }, s.turns.map((turn) => turnCard(turn, names)))
      : empty('No turns yet', 'This session has no recorded turn.'));
}

// Scenarios the conversation left before their end; a later message may resume each one.
const LEFT_BECAUSE = { switch: 'switched to another scenario', exit_condition: 'an exit condition held', cancel: 'cancelled' };

function abandonedList(abandoned, names) {
  if (!abandoned.length) return 'none';
  return h('ul', { class: 'plain' }, abandoned.map((left) => {
    const fields = Object.entries(left.fields || {}).map(([k, v]) => `${k} = ${v}`).join(', ');
    return h('li', null, `${names.at(left.id, left.step)}, left in turn ${left.turn} (${LEFT_BECAUSE[left.reason] || left.reason})`,
      fields ? h('span', { class: 'muted' }, ` · ${fields}`) : null);
  }));
}

function turnCard(turn, names) {
  const traceBox = h('div', { class: 'trace', id: `trace-${turn.turn}` });
  let open = false;
  const button = h('button', {
    type: 'button',
    class: 'secondary show-trace',
    'aria-expanded': 'false',
    'aria-controls': traceBox.id,
    async onclick() {
      open = !open;
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? 'Hide trace' : 'Show trace';
      clear(traceBox);
      if (!open) return;
      traceBox.append(h('p', { class: 'loading' }, 'Loading the trace…'));
      try {
        const trace = await get(`/api/traces/${enc(turn.trace)}`);
        clear(traceBox).append(timeline(trace, names));
      } catch (err) {
        clear(traceBox).append(errorBox(err));
      }
    },
  }, 'Show trace');
  return h('li', { class: 'card turn' },
    h('div', { class: 'title-row' }, h('h3', null, `Turn ${turn.turn}`), h('span', { class: 'badge' }, turn.mode),
      h('span', { class: 'muted' }, when(turn.at)),
      h('a', { href: `#/traces/${enc(turn.trace)}`, class: 'small' }, 'Trace page')),
    h('div', { class: 'bubble user' }, h('span', { class: 'who' }, 'Message'), turn.message),
    h('div', { class: 'bubble agent' }, h('span', { class: 'who' }, 'Reply'),
      turn.response ?? h('em', { class: 'muted' }, 'no reply committed yet')),
    h('p', { class: 'small' },
      'Rules kept: ', turn.matched_rules?.length ? turn.matched_rules.map((r, i) => [i ? ', ' : '', r.name, ' ',
        score(r.score)]) : 'none',
      turn.scenario ? ` · Scenario ${names.at(turn.scenario, turn.step)}` : '',
      turn.tool_calls?.length ? ` · Tools: ${turn.tool_calls.map((t) => `${t.tool} (${t.status})`).join(', ')}` : ''),
    button, traceBox);
}

export async function tracePage(id) {
  const trace = await get(`/api/traces/${enc(id)}`);
  const owner = await get(`/api/sessions/${enc(trace.session)}`).catch(() => null);
  const names = await scenarioNames(owner?.agent?.id);
  return h('section', null,
    h('div', { class: 'title-row' }, h('h1', null, `Trace of turn ${trace.turn}`),
      h('a', { class: 'button secondary', href: `#/sessions/${enc(trace.session)}` }, 'Open the session')),
    h('p', { class: 'hint' }, 'Every phase of the turn in the order it ran, with its duration and what it decided: the rules retrieved and kept, scenario moves, where the reply came from, and the constraint checks.'),
    h('div', { class: 'card' }, timeline(trace, names)));
}

export function timeline(trace, names = noNames([])) {
  const total = trace.phases.reduce((sum, p) => sum + p.duration_ms, 0) || 1;
  const max = Math.max(...trace.phases.map((p) => p.duration_ms), 0.001);
  return h('div', { class: 'timeline' },
    h('p', { class: 'small muted' }, `Trace ${trace.id} · ${trace.phases.length} phases · ${total.toFixed(1)} ms`),
    h('ol', null, trace.phases.map((p) => {
      const bar = h('span', { class: `bar ${p.status}` });
      bar.style.width = `${Math.max(1, (p.duration_ms / max) * 100)}%`;
      return h('li', { class: `phase ${p.status}` },
        h('div', { class: 'phase-head' }, h('span', { class: 'phase-name' }, p.name.replaceAll('_', ' ')),
          h('span', { class: 'bar-track', 'aria-hidden': 'true' }, bar),
          h('span', { class: 'phase-ms' }, `${p.duration_ms.toFixed(1)} ms`),
          h('span', { class: `badge ${p.status === 'ok' ? 'ok' : p.status === 'failed' ? 'danger' : ''}` }, p.status)),
        decisions(p.decisions, names));
    })));
}

// Stored ids (of rules, scenarios) stand beside the names a person reads; the names are shown.
const isId = (key) => key === 'id' || key.endsWith('_id');

function decisions(d, names, nested = false) {
  const entries = Object.entries(d || {}).filter(([k]) => !nested || !isId(k));
  if (!entries.length) return null;
  return h('dl', { class: 'decisions' }, entries.map(([k, v]) => [h('dt', null, k.replaceAll('_', ' ')),
    h('dd', null, special(k, v, names) ?? value(v, names))]));
}

// Scenario positions read with names: "return › Ask the order".
function special(key, v, names) {
  if (key === 'moves' && Array.isArray(v)) {
    return v.length ? h('ul', { class: 'plain moves' }, v.map((m) => h('li', null, moveText(m, names)))) : h('span', { class: 'muted' }, 'none');
  }
  if (key === 'state' && typeof v === 'string') return v === 'none' ? 'outside any scenario' : names.ref(v);
  return null;
}

const MOVES = { ENTER: 'Entered', STAY: 'Stayed at', EXIT: 'Left', SWITCH: 'Switched to', RESUME: 'Resumed' };

function moveText(m, names) {
  if (!m || typeof m !== 'object') return format(m);
  const sc = m.scenario?.id || m.scenario?.name;
  const reason = m.reason ? h('span', { class: 'muted' }, ` (${m.reason})`) : null;
  const left = m.left ? `, leaving ${names.at(m.left.scenario?.id || m.left.scenario?.name, m.left.step)} unfinished` : '';
  if (m.move === 'REFUSED') return [`Refused a ${String(m.trigger || '').toLowerCase()} move`, reason];
  if (m.move in MOVES) return [`${MOVES[m.move]} ${names.at(sc, m.to || m.step || m.from)}${left}`, reason];
  const verb = String(m.move || 'moved').toLowerCase().replaceAll('_', ' ');
  return [`${verb[0].toUpperCase()}${verb.slice(1)}: ${names.at(sc, m.from)} → ${names.step(sc, m.to)}`, reason];
}

function value(v, names) {
  if (Array.isArray(v)) {
    if (!v.length) return h('span', { class: 'muted' }, 'none');
    if (v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
      const cols = [...new Set(v.flatMap((x) => Object.keys(x)))].filter((c) => !isId(c));
      return h('table', { class: 'mini' }, h('thead', null, h('tr', null, cols.map((c) => h('th', { scope: 'col' }, c.replaceAll('_', ' '))))),
        h('tbody', null, v.map((x) => h('tr', null, cols.map((c) => h('td', null, c === 'score' && typeof x[c] === 'number'
          ? score(x[c]) : format(x[c])))))));
    }
    return h('ul', { class: 'plain' }, v.map((x) => h('li', null, format(x))));
  }
  if (v && typeof v === 'object') return decisions(v, names, true);
  return format(v);
}

// Nested values read as text a person would write: a named object by its name (its id on
// hover), a list joined by commas, any other object as "key: value" pairs.
function format(v) {
  if (v == null) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (Array.isArray(v)) return v.length ? v.map(formatText).join(', ') : 'none';
  if (typeof v === 'object') {
    if (typeof v.name === 'string') return h('span', v.id ? { title: String(v.id) } : null, v.name);
    return Object.entries(v).filter(([k]) => !isId(k)).map(([k, x]) => `${k.replaceAll('_', ' ')}: ${formatText(x)}`).join('; ');
  }
  return String(v);
}

function formatText(v) {
  const shown = format(v);
  return typeof shown === 'string' ? shown : shown.textContent;
}
