// The history of the current agent's configuration: every published version with who
// made it and what changed, the diff between two versions field by field, and rollback.
import { h, empty, errorBox, clear, when, jsonOrText } from '../lib/dom.js';
import { request, get, enc, session } from '../lib/api.js';
import { keyLabels, who } from '../lib/keys.js';
import { notify, go } from '../app.js';

const ROLES = ['viewer', 'client', 'builder', 'admin'];

export async function versionsPage() {
  const agent = session.agent();
  if (!agent) {
    return h('section', null, h('h1', null, 'Versions'), empty('No agent yet', 'Versions belong to an agent.',
      h('a', { class: 'button', href: '#/agents/new' }, 'Create an agent')));
  }
  const [page, labels] = await Promise.all([get(`/api/agents/${enc(agent)}/versions?limit=100`), keyLabels()]);
  const versions = page.items;
  if (!versions.length) {
    return h('section', null, h('h1', null, `Versions of ${agent}`),
      empty('No version yet', 'A version is recorded with every change of the agent, its rules, scenarios or tools.'));
  }
  const latest = versions[0].version;
  const mayRollBack = ROLES.indexOf(session.me()?.role) >= ROLES.indexOf('builder');
  const diffBox = h('div', { id: 'version-diff', 'aria-live': 'polite' });
  const numbers = versions.map((v) => v.version);
  const fromSel = h('select', { id: 'diff-from' }, numbers.map((n) => h('option', { value: n, selected: n === (numbers[1] ?? latest) }, `version ${n}`)));
  const toSel = h('select', { id: 'diff-to' }, numbers.map((n) => h('option', { value: n, selected: n === latest }, `version ${n}`)));

  async function showDiff(from, to) {
    fromSel.value = String(from);
    toSel.value = String(to);
    clear(diffBox).append(h('p', { class: 'loading' }, 'Comparing…'));
    try {
      const diff = await get(`/api/agents/${enc(agent)}/diff?from=${from}&to=${to}`);
      clear(diffBox).append(diffView(diff));
    } catch (err) {
      clear(diffBox).append(errorBox(err));
    }
  }

  async function rollBack(v) {
    if (!window.confirm(`Roll ${agent} back to version ${v.version}? Its rules, scenarios, settings and tool activations become what they were then, published as version ${latest + 1}.`)) return;
    try {
      const { data } = await request('POST', `/api/agents/${enc(agent)}/versions/${v.version}/rollback`, { ifMatch: `"${latest}"` });
      notify(`Rolled back to version ${v.version}: now version ${data.version}.`);
      go('/versions');
    } catch (err) {
      clear(diffBox).append(errorBox(err));
    }
  }

  const table = h('table', { class: 'list', id: 'versions-table' },
    h('thead', null, h('tr', null, ['Version', 'When', 'Who', 'What changed', ''].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, versions.map((v) => h('tr', { dataset: { version: v.version } },
      h('td', null, h('strong', null, v.version), v.version === latest ? [' ', h('span', { class: 'badge ok' }, 'live')] : null),
      h('td', null, when(v.created_at)),
      h('td', null, who(labels, v.author)),
      h('td', { class: 'wrap' }, summaryText(v.summary)),
      h('td', { class: 'actions' },
        v.version > 1 ? h('button', { type: 'button', class: 'secondary show-diff',
          onclick: () => showDiff(v.version - 1, v.version) }, 'Changes', h('span', { class: 'sr-only' }, ` of version ${v.version}`)) : null,
        mayRollBack && v.version !== latest ? h('button', { type: 'button', class: 'danger rollback',
          onclick: () => rollBack(v) }, 'Roll back', h('span', { class: 'sr-only' }, ` to version ${v.version}`)) : null)))));

  const compare = h('form', {
    class: 'search',
    onsubmit(e) {
      e.preventDefault();
      showDiff(Number(fromSel.value), Number(toSel.value));
    },
  }, h('label', { for: 'diff-from' }, 'Compare'), fromSel, h('label', { for: 'diff-to' }, 'with'), toSel,
  h('button', { type: 'submit', id: 'compare' }, 'Compare'));

  if (versions.length > 1) await showDiff(versions[1].version, latest);
  return h('section', null,
    h('div', { class: 'title-row' }, h('h1', null, `Versions of ${agent}`), h('span', { class: 'badge' }, `live: version ${latest}`)),
    h('p', { class: 'hint' }, 'Every change of the agent, its rules, scenarios, templates, constraints, settings or tool activations publishes a new version. Rolling back publishes an earlier one again, as a new version; nothing is lost.'),
    table,
    versions.length > 1 ? h('div', { class: 'card' }, h('h2', null, 'What changed'), compare, diffBox) : null);
}

// "rule.upsert refund delay" reads as "saved rule refund delay".
const ACTIONS = {
  'agent.upsert': 'saved agent', 'agent.import': 'imported agent', 'agent.rollback': 'rolled back',
  'agent.publish': 'published the draft of', 'rule.upsert': 'saved rule', 'rule.delete': 'deleted rule',
  'scenario.upsert': 'saved scenario', 'scenario.delete': 'deleted scenario', 'tool.enable': 'enabled tool',
  'tool.disable': 'disabled tool',
};

export function summaryText(summary) {
  const [action, ...rest] = (summary || '').split(' ');
  const what = ACTIONS[action];
  return what ? [h('span', null, what), rest.length ? [' ', h('strong', null, rest.join(' '))] : null] : summary;
}

export function diffView(diff) {
  const sections = [
    ['Agent', diff.agent.length ? [{ name: 'settings and persona', change: 'changed', fields: diff.agent }] : []],
    ['Rules', diff.rules], ['Scenarios', diff.scenarios], ['Tools', diff.tools],
  ].filter(([, items]) => items.length);
  if (!sections.length) return h('p', { class: 'muted' }, `Versions ${diff.from} and ${diff.to} hold the same configuration.`);
  return h('div', { class: 'diff' }, h('p', { class: 'small muted' }, `From version ${diff.from} to version ${diff.to}`),
    sections.map(([title, items]) => h('div', null, h('h3', null, title), items.map((o) => objectChange(o, title === 'Tools')))));
}

// Tools are not added to an agent but enabled for it.
const TOOL_CHANGES = { added: 'enabled', removed: 'disabled' };

function objectChange(o, tool) {
  return h('div', { class: `diff-object ${o.change}` },
    h('p', null, h('span', { class: `badge change-${o.change}` }, (tool && TOOL_CHANGES[o.change]) || o.change), ' ', h('strong', null, o.name)),
    o.fields.length ? h('table', { class: 'mini diff-fields' },
      h('thead', null, h('tr', null, ['Field', 'Before', 'After'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, o.fields.map((f) => h('tr', null, h('td', { class: 'code' }, f.field),
        h('td', { class: 'before' }, shown(f.before)), h('td', { class: 'after' }, shown(f.after))))))
      : null);
}

function shown(value) {
  if (value === undefined || value === null) return h('span', { class: 'muted' }, '—');
  if (Array.isArray(value) && value.every((x) => x === null || typeof x !== 'object')) {
    return value.length ? h('ul', { class: 'plain' }, value.map((x) => h('li', null, String(x)))) : h('span', { class: 'muted' }, 'none');
  }
  if (Array.isArray(value) && value.every((x) => x && x.kind && x.rule)) {
    return h('ul', { class: 'plain' }, value.map((x) => h('li', null, `${String(x.kind).replaceAll('_', ' ')} ${x.rule}`)));
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return jsonOrText(value);
}
