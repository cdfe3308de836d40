import { h, field, empty, errorBox, clear, when, score } from '../lib/dom.js';
import { request, get, enc, session } from '../lib/api.js';
import { celInput } from '../lib/cel.js';
import { scenarioNames } from '../lib/names.js';
import { notify, go } from '../app.js';

const RELATIONS = [['depends_on', 'depends on'], ['implies', 'implies'], ['excludes', 'excludes']];

// Where a rule applies, in names: "everywhere", a scenario, or a scenario's step.
function scopeText(rule, names) {
  if (rule.scope === 'global' || !rule.scope_ref) return 'everywhere';
  return `${rule.scope === 'step' ? 'step' : 'scenario'} ${names.ref(rule.scope_ref)}`;
}

function limitsText(rule) {
  const parts = [];
  if (rule.max_fires_per_session) parts.push(`at most ${rule.max_fires_per_session}× per session`);
  if (rule.cooldown_turns) parts.push(`${rule.cooldown_turns} turn${rule.cooldown_turns === 1 ? '' : 's'} apart`);
  return parts.join(', ');
}

function noAgent() {
  return h('section', null, h('h1', null, 'Rules'),
    empty('No agent yet', 'Rules belong to an agent.', h('a', { class: 'button', href: '#/agents/new' }, 'Create an agent')));
}

export async function rulesPage() {
  const agent = session.agent();
  if (!agent) return noAgent();
  const query = h('input', { id: 'rule-query', type: 'search', placeholder: 'e.g. customer wants money back' });
  const results = h('div');
  const base = `/api/agents/${enc(agent)}/rules`;
  const names = await scenarioNames(agent);
  let cursor = null;

  async function load(append) {
    const q = query.value.trim();
    const params = new URLSearchParams({ limit: '50' });
    if (q) params.set('q', q);
    if (append && cursor) params.set('cursor', cursor);
    try {
      const page = await get(`${base}?${params}`);
      cursor = page.next_cursor || null;
      if (!append) clear(results);
      if (!page.items.length && !append) {
        results.append(q ? empty('No rule matches', 'Try other words: rules are ranked by meaning, not by keywords.')
          : empty('No rules yet', `Agent '${agent}' has no rule.`, h('a', { class: 'button', href: '#/rules/new' }, 'Create the first rule')));
        return;
      }
      let tbody = results.querySelector('tbody');
      if (!tbody) {
        tbody = h('tbody');
        results.append(h('table', { class: 'list', id: 'rules-table' }, h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Condition'), h('th', { scope: 'col' }, 'Applies'),
          h('th', { scope: 'col' }, 'Priority'), q ? h('th', { scope: 'col' }, 'Score') : null,
          h('th', { scope: 'col' }, 'Enabled'))), tbody));
      }
      for (const rule of page.items) tbody.append(row(rule, q));
      results.querySelector('.more')?.remove();
      if (cursor) results.append(h('button', { type: 'button', class: 'secondary more', onclick: () => load(true) }, 'Load more'));
    } catch (err) {
      clear(results).append(errorBox(err));
    }
  }

  function row(rule, q) {
    const toggle = h('button', {
      type: 'button',
      class: `toggle ${rule.enabled ? 'on' : 'off'}`,
      'aria-pressed': String(rule.enabled),
      'aria-label': `${rule.enabled ? 'Disable' : 'Enable'} rule ${rule.name}`,
      async onclick() {
        try {
          const { data } = await request('PATCH', `${base}/${enc(rule.id)}`, { body: { enabled: !rule.enabled },
            ifMatch: `"${rule.version}"` });
          Object.assign(rule, data);
          toggle.className = `toggle ${rule.enabled ? 'on' : 'off'}`;
          toggle.setAttribute('aria-pressed', String(rule.enabled));
          toggle.setAttribute('aria-label', `${rule.enabled ? 'Disable' : 'Enable'} rule ${rule.name}`);
          toggle.textContent = rule.enabled ? 'On' : 'Off';
          notify(`Rule '${rule.name}' ${rule.enabled ? 'enabled' : 'disabled'}.`);
        } catch (err) {
          notify(err.message, 'error');
        }
      },
    }, rule.enabled ? 'On' : 'Off');
    return h('tr', null,
      h('td', null, h('a', { href: `#/rules/${enc(rule.id)}` }, rule.name)),
      h('td', { class: 'clip' }, rule.condition),
      h('td', null, scopeText(rule, names),
        rule.relations?.length ? h('div', { class: 'small muted' }, rule.relations.map((r) => `${r.kind.replaceAll('_', ' ')} ${r.rule}`).join(', ')) : null,
        limitsText(rule) ? h('div', { class: 'small muted' }, limitsText(rule)) : null),
      h('td', null, rule.priority),
      q ? h('td', null, score(rule.score)) : null,
      h('td', null, toggle));
  }

  const form = h('form', {
    class: 'search',
    role: 'search',
    onsubmit(e) {
      e.preventDefault();
      load(false);
    },
  }, h('label', { for: 'rule-query' }, 'Search by meaning'), query, h('button', { type: 'submit' }, 'Search'),
  h('button', { type: 'button', class: 'secondary', onclick() { query.value = ''; load(false); } }, 'Clear'));
  await load(false);
  return h('section', null,
    h('div', { class: 'title-row' }, h('h1', null, `Rules of ${agent}`),
      h('a', { class: 'button', href: '#/rules/new', id: 'new-rule' }, 'New rule')),
    form, results);
}

export async function rulePage(id) {
  const agent = session.agent();
  if (!agent) return noAgent();
  const base = `/api/agents/${enc(agent)}/rules`;
  let rule = { name: '', condition: '', action: '', scope: 'global', priority: 0, enabled: true, constraints: [], tools: [] };
  let etag = null;
  if (id) {
    const res = await request('GET', `${base}/${enc(id)}`);
    rule = res.data;
    etag = res.etag;
  }
  const [names, others] = await Promise.all([scenarioNames(agent),
    get(`${base}?limit=500`).then((p) => p.items.filter((r) => r.id !== id))]);
  const scenarios = names.scenarios;

  const name = h('input', { id: 'rule-name', value: rule.name, required: true, maxlength: 100 });
  const condition = h('textarea', { id: 'rule-condition', rows: 2, value: rule.condition, required: true });
  const action = h('textarea', { id: 'rule-action', rows: 3, value: rule.action, required: true });
  const scope = h('select', { id: 'rule-scope', value: rule.scope },
    [['global', 'everywhere (global)'], ['scenario', 'in a scenario'], ['step', 'in one step of a scenario']]
      .map(([v, t]) => h('option', { value: v, selected: v === rule.scope }, t)));
  // The stored reference is "scenarioId" or "scenarioId/stepId"; pick both by name.
  const [refScenario, refStep] = (rule.scope_ref || '').split('/');
  const current = names.find(refScenario) || (!refStep && scenarios.find((sc) => (sc.steps || []).some((st) => st.id === refScenario)));
  const scopeScenario = h('select', { id: 'rule-scope-scenario' },
    scenarios.map((sc) => h('option', { value: sc.id, selected: sc.id === current?.id }, sc.name)));
  const scopeStep = h('select', { id: 'rule-scope-step' });
  const fillSteps = (selected) => {
    const sc = scenarios.find((x) => x.id === scopeScenario.value);
    clear(scopeStep).append(...(sc?.steps || []).map((st) => h('option', { value: st.id, selected: st.id === selected },
      st.name && st.name !== st.id ? `${st.name} (${st.id})` : st.id)));
  };
  fillSteps(refStep || (current && current.id !== refScenario ? refScenario : null));
  scopeScenario.addEventListener('change', () => fillSteps(null));
  const scenarioField = field('Scenario', scopeScenario);
  const stepField = field('Step', scopeStep);
  const noScenario = h('p', { class: 'hint' }, 'This agent has no scenario yet: create one to scope a rule to it.');
  const syncScope = () => {
    scenarioField.hidden = scope.value === 'global' || !scenarios.length;
    stepField.hidden = scope.value !== 'step' || !scenarios.length;
    noScenario.hidden = scope.value === 'global' || scenarios.length > 0;
  };
  scope.addEventListener('change', syncScope);
  syncScope();
  const priority = h('input', { id: 'rule-priority', type: 'number', min: -100, max: 100, value: rule.priority });
  const enabled = h('input', { id: 'rule-enabled', type: 'checkbox', checked: rule.enabled });
  const templateText = h('textarea', { id: 'rule-template', rows: 3, value: rule.template?.text || '',
    placeholder: 'Refunds take {{delay}} days.' });
  const templateMode = h('select', { id: 'rule-template-mode', value: rule.template?.mode || 'suggest' },
    [['suggest', 'suggest: the model may adapt it'], ['exclusive', 'exclusive: sent as is, no model'],
      ['fallback', 'fallback: used when generation fails']].map(([v, t]) => h('option', { value: v }, t)));
  const tools = h('input', { id: 'rule-tools', value: (rule.tools || []).join(', '), placeholder: 'order_lookup, …' });

  // Relations to other rules of the agent, applied after selection.
  const relations = (rule.relations || []).map((r) => ({ ...r }));
  const relationsBox = h('div', { id: 'relations' });
  function renderRelations() {
    clear(relationsBox).append(...relations.map((r, j) => {
      const kind = h('select', { 'aria-label': `Relation ${j + 1}: kind`, class: 'relation-kind' },
        RELATIONS.map(([v, t]) => h('option', { value: v, selected: v === r.kind }, t)));
      const target = h('select', { 'aria-label': `Relation ${j + 1}: other rule`, class: 'relation-rule' },
        others.map((o) => h('option', { value: o.name, selected: o.name === r.rule }, o.name)),
        r.rule && !others.some((o) => o.name === r.rule) ? h('option', { value: r.rule, selected: true }, `${r.rule} (missing)`) : null);
      r.kind = kind.value;
      r.rule = target.value;
      kind.addEventListener('change', () => { r.kind = kind.value; });
      target.addEventListener('change', () => { r.rule = target.value; });
      return h('div', { class: 'row' }, h('div', { class: 'field' }, h('span', { class: 'label' }, 'This rule'), kind),
        h('div', { class: 'field grow' }, h('span', { class: 'label' }, 'Rule'), target),
        h('button', { type: 'button', class: 'icon secondary', 'aria-label': `Remove relation ${j + 1}`,
          onclick() { relations.splice(j, 1); renderRelations(); } }, '✕'));
    }));
    if (!relations.length) relationsBox.append(h('p', { class: 'muted' }, 'None.'));
  }
  renderRelations();
  const addRelation = h('button', { type: 'button', class: 'secondary', id: 'add-relation', disabled: !others.length,
    onclick() { relations.push({ kind: 'depends_on', rule: others[0].name }); renderRelations(); } }, 'Add relation');
  const maxFires = h('input', { id: 'rule-max-fires', type: 'number', min: 0, max: 1000, value: rule.max_fires_per_session ?? 0 });
  const cooldown = h('input', { id: 'rule-cooldown', type: 'number', min: 0, max: 1000, value: rule.cooldown_turns ?? 0 });

  const constraints = [];
  const list = h('div', { id: 'constraints' });
  function addConstraint(value) {
    const item = celInput(value, 'constraint', {
      label: `Constraint ${constraints.length + 1}`,
      placeholder: '!response.contains("guarantee")',
      onRemove() {
        constraints.splice(constraints.indexOf(item), 1);
        item.row.remove();
      },
    });
    constraints.push(item);
    list.append(item.row);
    return item;
  }
  (rule.constraints || []).forEach((c) => addConstraint(c));

  const out = h('div');
  const form = h('form', {
    class: 'card',
    id: 'rule-form',
    async onsubmit(e) {
      e.preventDefault();
      clear(out);
      const checks = await Promise.all(constraints.map((c) => c.check()));
      if (checks.includes(false)) {
        out.append(errorBox(new Error('A constraint is not a valid CEL expression; fix it before saving.')));
        constraints[checks.indexOf(false)].input.focus();
        return;
      }
      const body = {
        name: name.value.trim(),
        condition: condition.value,
        action: action.value,
        scope: scope.value,
        priority: Number(priority.value || 0),
        enabled: enabled.checked,
        constraints: constraints.map((c) => c.input.value.trim()).filter(Boolean),
        tools: tools.value.split(',').map((t) => t.trim()).filter(Boolean),
      };
      if (scope.value === 'scenario') body.scope_ref = scopeScenario.value;
      if (scope.value === 'step') body.scope_ref = `${scopeScenario.value}/${scopeStep.value}`;
      if (templateText.value.trim()) body.template = { text: templateText.value, mode: templateMode.value };
      body.relations = relations.filter((r) => r.rule);
      body.max_fires_per_session = Number(maxFires.value || 0);
      body.cooldown_turns = Number(cooldown.value || 0);
      try {
        const res = id ? await request('PUT', `${base}/${enc(id)}`, { body, ifMatch: etag })
          : await request('POST', base, { body });
        notify(`Rule '${res.data.name}' saved (version ${res.data.version}).`);
        go('/rules');
      } catch (err) {
        out.append(errorBox(err));
      }
    },
  },
  h('div', { class: 'grid2' }, field('Name', name), h('div', { class: 'grid2' }, field('Priority', priority, '−100 to 100; higher wins.'),
    h('div', { class: 'field check' }, enabled, h('label', { for: 'rule-enabled' }, 'Enabled')))),
  field('Condition', condition, 'When the rule applies, in plain language: it is matched by meaning.'),
  field('Action', action, 'What the agent should do.'),
  h('div', { class: 'grid3' }, field('Applies', scope), scenarioField, stepField), noScenario,
  h('fieldset', null, h('legend', null, 'Template'),
    h('div', { class: 'grid2' }, field('Text', templateText, 'Leave empty for none. {{variable}} inserts a collected field.'), field('Mode', templateMode))),
  h('fieldset', null, h('legend', null, 'Hard constraints (CEL)'),
    h('p', { class: 'hint' }, 'Every reply must satisfy these while the rule applies. Variables: response, message, variables, interlocutor. Checked as you type.'),
    list, h('button', { type: 'button', class: 'secondary', id: 'add-constraint', onclick: () => addConstraint('').input.focus() }, 'Add constraint')),
  field('Tools', tools, 'Comma-separated tool names run when the rule matches.'),
  h('fieldset', null, h('legend', null, 'Relations to other rules'),
    h('p', { class: 'hint' }, 'Applied when this rule is kept: a rule it depends on or implies is added too (if enabled and in scope), a rule it excludes is removed.'),
    relationsBox, addRelation),
  h('fieldset', null, h('legend', null, 'Firing limits'),
    h('div', { class: 'grid2' }, field('Most times per session', maxFires, '0: no limit.'),
      field('Turns between two firings', cooldown, '0: may fire on every turn.'))),
  out,
  h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'save-rule' }, id ? 'Save' : 'Create rule'),
    h('a', { class: 'button secondary', href: '#/rules' }, 'Cancel'),
    id ? h('a', { class: 'button secondary', href: `#/rules/${enc(id)}/history` }, 'History') : null,
    id ? h('button', {
      type: 'button',
      class: 'danger',
      async onclick() {
        if (!window.confirm(`Delete rule '${rule.name}'? It is kept in the history for audit.`)) return;
        try {
          await request('DELETE', `${base}/${enc(id)}`);
          notify(`Rule '${rule.name}' deleted.`);
          go('/rules');
        } catch (err) {
          clear(out).append(errorBox(err));
        }
      },
    }, 'Delete') : null));
  return h('section', null, h('div', { class: 'title-row' }, h('h1', null, id ? `Rule ${rule.name}` : 'New rule'),
    id ? h('span', { class: 'badge' }, `version ${rule.version}`) : null, h('span', { class: 'muted' }, `agent ${agent}`)), form);
}

export async function ruleHistoryPage(id) {
  const agent = session.agent();
  const [page, names] = await Promise.all([get(`/api/agents/${enc(agent)}/rules/${enc(id)}/history`), scenarioNames(agent)]);
  const versions = page.items.slice().reverse();
  return h('section', null, h('div', { class: 'title-row' }, h('h1', null, `History of ${versions[0]?.name || id}`),
    h('a', { class: 'button secondary', href: `#/rules/${enc(id)}` }, 'Back to the rule')),
  versions.length ? h('ol', { class: 'history', reversed: true }, versions.map((v) => h('li', { class: 'card' },
    h('div', { class: 'title-row' }, h('h2', null, `Version ${v.version}`), h('span', { class: 'muted' }, when(v.updated_at)),
      v.deleted_at ? h('span', { class: 'badge danger' }, 'deleted') : null,
      h('span', { class: `badge ${v.enabled ? 'ok' : ''}` }, v.enabled ? 'enabled' : 'disabled')),
    h('dl', { class: 'facts' },
      h('dt', null, 'Name'), h('dd', null, v.name),
      h('dt', null, 'Condition'), h('dd', null, v.condition),
      h('dt', null, 'Action'), h('dd', null, v.action),
      h('dt', null, 'Applies'), h('dd', null, scopeText(v, names)),
      h('dt', null, 'Relations'), h('dd', null, v.relations?.length ? v.relations.map((r) => `${r.kind.replaceAll('_', ' ')} ${r.rule}`).join(', ') : '—'),
      h('dt', null, 'Firing limits'), h('dd', null, limitsText(v) || '—'),
      h('dt', null, 'Priority'), h('dd', null, v.priority),
      h('dt', null, 'Template'), h('dd', null, v.template ? `${v.template.mode}: ${v.template.text}` : '—'),
      h('dt', null, 'Constraints'), h('dd', null, v.constraints.length ? h('ul', null, v.constraints.map((c) => h('li', null, h('code', null, c)))) : '—')))))
    : h('p', null, 'No version recorded.'));
}
