import { h, field, empty, errorBox, download, clear } from '../lib/dom.js';
import { request, get, enc, session } from '../lib/api.js';
import { notify, go, refreshAgents } from '../app.js';
import { tryCard } from './try.js';

export async function agentsPage() {
  const page = await get('/api/agents?limit=500');
  const table = page.items.length
    ? h('table', { class: 'list', id: 'agents-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Description'),
        h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
      h('tbody', null, page.items.map((a) => h('tr', null,
        h('td', null, h('a', { href: `#/agents/${enc(a.name)}` }, a.name)),
        h('td', null, a.description || h('span', { class: 'muted' }, '—')),
        h('td', null, a.version),
        h('td', { class: 'actions' },
          h('a', { href: '#/rules', onclick: () => session.setAgent(a.name) }, 'Rules'), ' ',
          h('a', { href: '#/scenarios', onclick: () => session.setAgent(a.name) }, 'Scenarios'), ' ',
          h('a', { href: '#/versions', onclick: () => session.setAgent(a.name) }, 'Versions'))))))
    : empty('No agent yet', 'An agent is a conversational persona with its rules, scenarios and tools.',
      h('a', { class: 'button', href: '#/agents/new' }, 'Create the first agent'));
  return h('section', null,
    h('div', { class: 'title-row' }, h('h1', null, 'Agents'),
      h('a', { class: 'button', href: '#/agents/new', id: 'new-agent' }, 'New agent')),
    table,
    importCard());
}

function importCard() {
  const text = h('textarea', { rows: 8, class: 'code', placeholder: 'format: "ruche/v1"\nagent:\n  name: "shop"\n…' });
  const file = h('input', { type: 'file', accept: '.yaml,.yml,.json,text/yaml,application/yaml' });
  file.addEventListener('change', async () => {
    if (file.files[0]) text.value = await file.files[0].text();
  });
  const out = h('div');
  return h('form', {
    class: 'card',
    async onsubmit(e) {
      e.preventDefault();
      clear(out);
      try {
        const { data } = await request('POST', '/api/agents/import', { text: text.value });
        await refreshAgents(data.name);
        notify(`Agent '${data.name}' imported.`);
        go(`/agents/${enc(data.name)}`);
      } catch (err) {
        out.append(errorBox(err));
      }
    },
  }, h('h2', null, 'Import an agent'),
  h('p', { class: 'hint' }, 'A YAML document as exported (rules, scenarios, templates, tool activations). Everything is validated before anything is written; an agent with the same name is updated.'),
  field('YAML file', file), field('Or paste the document', text), out,
  h('button', { type: 'submit' }, 'Import'));
}

export async function agentPage(name) {
  let agent = { name: '', description: '', persona: '', settings: { max_regenerations: 1 } };
  let etag = null;
  if (name) {
    const res = await request('GET', `/api/agents/${enc(name)}`);
    agent = res.data;
    etag = res.etag;
    session.setAgent(agent.name);
    document.getElementById('agent-picker').value = agent.name;
  }
  const nameIn = h('input', { id: 'agent-name', value: agent.name, required: true, maxlength: 100, readonly: !!name });
  const description = h('input', { id: 'agent-description', value: agent.description || '' });
  const persona = h('textarea', { id: 'agent-persona', rows: 10, value: agent.persona || '' });
  const maxRegen = h('input', { id: 'agent-regen', type: 'number', min: 0, max: 5,
    value: agent.settings?.max_regenerations ?? 1 });
  const fallback = h('textarea', { id: 'agent-fallback', rows: 2, value: agent.settings?.fallback_text || '' });
  const out = h('div');
  const form = h('form', {
    class: 'card',
    async onsubmit(e) {
      e.preventDefault();
      clear(out);
      const settings = { ...(agent.settings || {}), max_regenerations: Number(maxRegen.value || 0) };
      if (fallback.value.trim()) settings.fallback_text = fallback.value;
      else delete settings.fallback_text;
      const body = { name: nameIn.value.trim(), description: description.value, persona: persona.value, settings };
      try {
        const res = name
          ? await request('PUT', `/api/agents/${enc(name)}`, { body, ifMatch: etag })
          : await request('POST', '/api/agents', { body });
        await refreshAgents(res.data.name);
        notify(`Agent '${res.data.name}' saved (version ${res.data.version}).`);
        go(`/agents/${enc(res.data.name)}`);
      } catch (err) {
        out.append(errorBox(err));
      }
    },
  },
  field('Name', nameIn, name ? 'The name identifies the agent; it cannot be changed.' : 'Unique in your tenant, 1–100 characters.'),
  field('Description', description),
  field('Persona (system prompt)', persona, 'What the agent is and how it speaks. Rules add to it turn by turn.'),
  h('div', { class: 'grid2' },
    field('Regenerations on a broken constraint', maxRegen),
    field('Fallback reply', fallback, 'Sent when a reply still breaks a constraint and no rule has a fallback template.')),
  out,
  h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'save-agent' }, name ? 'Save' : 'Create agent'),
    h('a', { href: '#/agents', class: 'button secondary' }, 'Cancel'),
    name ? h('button', { type: 'button', class: 'danger', id: 'delete-agent', async onclick() {
      if (!window.confirm(`Delete agent '${agent.name}' with its rules, scenarios and tool activations? Its versions, sessions and audit records stay.`)) return;
      clear(out);
      try {
        await request('DELETE', `/api/agents/${enc(agent.name)}`);
        await refreshAgents();
        notify(`Agent '${agent.name}' deleted.`);
        go('/agents');
      } catch (err) {
        out.append(errorBox(err));
      }
    } }, 'Delete agent') : null));

  const parts = [h('div', { class: 'title-row' }, h('h1', null, name ? `Agent ${agent.name}` : 'New agent'),
    name ? h('span', { class: 'badge' }, `version ${agent.version}`) : null), form];
  if (name) parts.push(tryCard(agent.name), exportCard(name));
  return h('section', null, parts);
}

function exportCard(name) {
  const area = h('textarea', { rows: 14, class: 'code', readonly: true, id: 'export-yaml', hidden: true,
    'aria-label': 'Exported YAML' });
  const out = h('div');
  const dl = h('button', { type: 'button', class: 'secondary', hidden: true,
    onclick: () => download(`${name}.yaml`, area.value, 'application/yaml') }, 'Download');
  return h('div', { class: 'card' }, h('h2', null, 'Export'),
    h('p', { class: 'hint' }, 'The whole agent as one YAML document: rules, scenarios, templates and tool activations. Import it here or into another tenant.'),
    h('div', { class: 'buttons' }, h('button', {
      type: 'button',
      id: 'export-agent',
      async onclick() {
        clear(out);
        try {
          const { data } = await request('GET', `/api/agents/${enc(name)}/export`,
            { accept: 'application/yaml, application/problem+json' });
          area.value = data;
          area.hidden = false;
          dl.hidden = false;
        } catch (err) {
          out.append(errorBox(err));
        }
      },
    }, 'Export YAML'), dl), out, area);
}
