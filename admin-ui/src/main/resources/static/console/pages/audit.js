// The tenant's audit log: who did what, to which object, when; configuration changes with
// the agent version they published and what changed.
import { h, empty, errorBox, clear, when } from '../lib/dom.js';
import { get, enc, session } from '../lib/api.js';
import { keyLabels, who } from '../lib/keys.js';

const CATEGORIES = [['', 'Everything'], ['configuration', 'Configuration changes'], ['conversation', 'Turns and sessions'],
  ['tools', 'Tool calls'], ['access', 'Keys and tenants']];

// Facts shown in their own column, or not at all (role is shown beside the actor).
const SHOWN_APART = new Set(['role', 'agent', 'agent_version', 'changes', 'name']);

export async function auditPage() {
  if (session.me()?.role !== 'admin') {
    return h('section', null, h('h1', null, 'Audit'), empty('Admins only', 'The audit log needs an admin key.'));
  }
  const [labels, agents] = await Promise.all([keyLabels(),
    get('/api/agents?limit=500').then((p) => new Map(p.items.map((a) => [a.id, a.name])))]);
  const category = h('select', { id: 'audit-category' }, CATEGORIES.map(([v, t]) => h('option', { value: v }, t)));
  const results = h('div');
  let cursor = null;
  async function load(append) {
    try {
      const params = new URLSearchParams({ limit: '50' });
      if (category.value) params.set('category', category.value);
      if (append && cursor) params.set('cursor', cursor);
      const page = await get(`/api/audit?${params}`);
      cursor = page.next_cursor || null;
      if (!append) clear(results);
      if (!page.items.length && !append) {
        results.append(empty('Nothing audited yet', 'Turns, tool calls and configuration changes appear here.'));
        return;
      }
      let tbody = results.querySelector('tbody');
      if (!tbody) {
        tbody = h('tbody');
        results.append(h('table', { class: 'list', id: 'audit-table' },
          h('colgroup', null, ['when', 'who', 'what', 'object', 'facts'].map((c) => h('col', { class: `col-${c}` }))),
          h('thead', null, h('tr', null, ['When', 'Who', 'What', 'Object', 'Details'].map((c) => h('th', { scope: 'col' }, c)))), tbody));
      }
      for (const r of page.items) tbody.append(row(r, labels, agents));
      results.querySelector('.more')?.remove();
      if (cursor) results.append(h('button', { type: 'button', class: 'secondary more', onclick: () => load(true) }, 'Load more'));
    } catch (err) {
      clear(results).append(errorBox(err));
    }
  }
  category.addEventListener('change', () => load(false));
  await load(false);
  return h('section', null, h('h1', null, 'Audit log'),
    h('p', { class: 'hint' }, 'Every change and every call, over MCP, REST or this console, newest first. A configuration change names the agent version it published (see Versions) and what it changed.'),
    h('div', { class: 'search' }, h('label', { for: 'audit-category' }, 'Show'), category),
    results);
}

function row(r, labels, agents) {
  const d = r.details || {};
  const agentName = d.agent ? agents.get(d.agent) || 'a deleted agent' : null;
  const subject = (r.action.startsWith('agent.') ? agents.get(r.subject) : null) || d.name || r.subject;
  const facts = Object.entries(d).filter(([k]) => !SHOWN_APART.has(k));
  return h('tr', { dataset: { action: r.action } },
    h('td', null, when(r.at)),
    h('td', null, who(labels, r.actor), d.role && d.role !== 'system' ? h('div', { class: 'small muted' }, d.role) : null),
    h('td', null, h('span', { class: 'code' }, r.action),
      r.outcome !== 'ok' ? [' ', h('span', { class: 'badge danger' }, r.outcome)] : null,
      r.duration_ms ? h('div', { class: 'small muted' }, `${r.duration_ms} ms`) : null),
    h('td', null, h('span', { title: r.subject }, subject),
      agentName && !r.action.startsWith('agent.') ? h('div', { class: 'small muted' }, `agent ${agentName}`) : null,
      r.session ? h('div', { class: 'small' }, h('a', { href: `#/sessions/${enc(r.session)}` }, 'open the session')) : null),
    h('td', { class: 'small' },
      d.agent_version ? h('div', null, h('a', { href: '#/versions', onclick: () => pickAgent(agentName) },
        `version ${d.agent_version}`)) : null,
      d.changes ? h('div', { class: 'changes' }, d.changes) : null,
      facts.length ? h('div', { class: 'muted' }, facts.map(([k, v]) => `${factName(r.action, k)}: ${v}`).join(' · ')) : null));
}

// "version" of a rule.upsert is the rule's own version, not the agent's.
function factName(action, key) {
  return key === 'version' ? `${action.split('.')[0]} version` : key.replaceAll('_', ' ');
}

function pickAgent(name) {
  if (!name) return;
  session.setAgent(name);
  document.getElementById('agent-picker').value = name;
}
