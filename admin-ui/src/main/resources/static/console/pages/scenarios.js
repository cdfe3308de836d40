import { h, field, empty, errorBox, clear } from '../lib/dom.js';
import { request, get, enc, session } from '../lib/api.js';
import { celInput } from '../lib/cel.js';
import { scenarioGraph } from '../lib/graph.js';
import { notify, go } from '../app.js';

// A step as a person reads it: its name, with the id a CEL expression or a rule uses.
function stepLabel(st) {
  return st.name && st.name !== st.id ? `${st.name} (${st.id})` : st.id;
}

export async function scenariosPage() {
  const agent = session.agent();
  if (!agent) {
    return h('section', null, h('h1', null, 'Scenarios'), empty('No agent yet', 'Scenarios belong to an agent.',
      h('a', { class: 'button', href: '#/agents/new' }, 'Create an agent')));
  }
  const page = await get(`/api/agents/${enc(agent)}/scenarios?limit=500`);
  return h('section', null,
    h('div', { class: 'title-row' }, h('h1', null, `Scenarios of ${agent}`),
      h('a', { class: 'button', href: '#/scenarios/new', id: 'new-scenario' }, 'New scenario')),
    page.items.length ? h('div', { class: 'cards wide' }, page.items.map((sc) => h('article', { class: 'card' },
      h('div', { class: 'title-row' }, h('h2', null, h('a', { href: `#/scenarios/${enc(sc.id)}` }, sc.name)),
        h('span', { class: `badge ${sc.enabled ? 'ok' : ''}` }, sc.enabled ? 'enabled' : 'disabled')),
      h('p', { class: 'muted' }, `Enters when: ${sc.entry_condition}`),
      h('div', { class: 'graph-box' }, scenarioGraph(sc)))))
      : empty('No scenarios yet', 'A scenario is a multi-step flow: steps with instructions, fields to collect and transitions.',
        h('a', { class: 'button', href: '#/scenarios/new' }, 'Create the first scenario')));
}

export async function scenarioPage(id) {
  const agent = session.agent();
  const base = `/api/agents/${enc(agent)}/scenarios`;
  let sc = { name: '', description: '', entry_condition: '', enabled: true,
    steps: [{ id: 'start', name: 'Start', instructions: '', collects: [], transitions: [], terminal: false }] };
  let etag = null;
  if (id) {
    const res = await request('GET', `${base}/${enc(id)}`);
    sc = res.data;
    etag = res.etag;
  }
  const model = structuredClone(sc);
  const graphBox = h('div', { class: 'graph-box', id: 'scenario-graph' });
  const redraw = () => clear(graphBox).append(scenarioGraph(model));

  const name = h('input', { id: 'scenario-name', value: model.name, required: true });
  const description = h('input', { id: 'scenario-description', value: model.description || '' });
  const entry = h('textarea', { id: 'scenario-entry', rows: 2, value: model.entry_condition, required: true });
  const entryStep = h('select', { id: 'scenario-entry-step' });
  const enabled = h('input', { id: 'scenario-enabled', type: 'checkbox', checked: model.enabled });
  const stepsBox = h('div', { id: 'steps' });
  const celChecks = new Set();

  function refreshEntryOptions() {
    const current = model.entry_step || entryStep.value;
    clear(entryStep).append(...model.steps.map((st) => h('option', { value: st.id, selected: st.id === current }, stepLabel(st))));
    model.entry_step = entryStep.value || undefined;
  }
  entryStep.addEventListener('change', () => { model.entry_step = entryStep.value; redraw(); });

  function renderSteps() {
    celChecks.clear();
    clear(stepsBox).append(...model.steps.map((st, i) => stepEditor(st, i)));
    refreshEntryOptions();
    redraw();
  }

  function bind(input, obj, key, transform = (v) => v) {
    input.addEventListener('input', () => {
      obj[key] = transform(input.type === 'checkbox' ? input.checked : input.value);
      if (key === 'id' || key === 'name') refreshEntryOptions();
      redraw();
    });
    input.addEventListener('change', () => {
      obj[key] = transform(input.type === 'checkbox' ? input.checked : input.value);
      redraw();
    });
    return input;
  }

  // Exit conditions, one per row: CEL (variables.answer == "no") or plain language.
  function exitEditor(owner, label, boxId) {
    owner.exit_conditions = owner.exit_conditions || [];
    const box = h('div', { class: 'exit-conditions', id: boxId });
    const render = () => {
      clear(box).append(...owner.exit_conditions.map((text, j) => h('div', { class: 'row' },
        h('div', { class: 'field grow' }, bind(h('input', { value: text, 'aria-label': `${label}: exit condition ${j + 1}`,
          placeholder: 'The customer decides to keep the item' }), owner.exit_conditions, j)),
        h('button', { type: 'button', class: 'icon secondary', 'aria-label': `Remove exit condition ${j + 1}`,
          onclick() { owner.exit_conditions.splice(j, 1); render(); } }, '✕'))));
      if (!owner.exit_conditions.length) box.append(h('p', { class: 'muted' }, 'None.'));
      box.append(h('button', { type: 'button', class: 'secondary', onclick() { owner.exit_conditions.push(''); render(); } },
        'Add exit condition'));
    };
    render();
    return box;
  }

  function stepEditor(step, index) {
    step.collects = step.collects || [];
    step.transitions = step.transitions || [];
    const fields = h('div', null, step.collects.map((f, j) => h('div', { class: 'row' },
      field('Field', bind(h('input', { value: f.name, required: true }), f, 'name')),
      field('Description', bind(h('input', { value: f.description || '' }), f, 'description')),
      field('Pattern (regex)', bind(h('input', { class: 'code', value: f.pattern || '' }), f, 'pattern', (v) => v || undefined)),
      h('div', { class: 'field check' }, bind(h('input', { type: 'checkbox', id: `req-${index}-${j}`, checked: f.required !== false }), f, 'required'),
        h('label', { for: `req-${index}-${j}` }, 'Required')),
      h('button', { type: 'button', class: 'icon secondary', 'aria-label': `Remove field ${f.name}`,
        onclick() { step.collects.splice(j, 1); renderSteps(); } }, '✕'))));
    const transitions = h('div', null, step.transitions.map((t, j) => {
      const to = h('select', { 'aria-label': 'Go to step' }, model.steps.map((o) => h('option', { value: o.id, selected: o.id === t.to }, stepLabel(o))));
      if (!t.to) t.to = to.value;
      bind(to, t, 'to');
      const cel = celInput(t.condition || '', 'transition', { label: `Condition of transition ${j + 1} of ${step.id}`,
        placeholder: 'has(variables.order_number)' });
      celChecks.add(cel);
      cel.input.addEventListener('input', () => { t.condition = cel.input.value.trim() || undefined; redraw(); });
      return h('div', { class: 'row transition' }, h('div', { class: 'field' }, h('span', { class: 'label' }, 'To'), to),
        h('div', { class: 'field grow' }, h('span', { class: 'label' }, 'Condition (CEL)'), cel.row),
        field('Or when (plain language)', bind(h('input', { value: t.when || '' }), t, 'when', (v) => v || undefined)),
        h('button', { type: 'button', class: 'icon secondary', 'aria-label': `Remove transition ${j + 1} of ${step.id}`,
          onclick() { step.transitions.splice(j, 1); renderSteps(); } }, '✕'));
    }));
    return h('fieldset', { class: 'step' }, h('legend', null, `Step ${index + 1}: ${step.name || step.id}`),
      h('div', { class: 'grid3' },
        field('Id', bind(h('input', { value: step.id, required: true, class: 'code', onchange: renderSteps }), step, 'id')),
        field('Name', bind(h('input', { value: step.name || '' }), step, 'name')),
        h('div', { class: 'field check' }, bind(h('input', { type: 'checkbox', id: `term-${index}`, checked: step.terminal }), step, 'terminal'),
          h('label', { for: `term-${index}` }, 'Terminal (the scenario ends here)'))),
      h('div', { class: 'field check' }, bind(h('input', { type: 'checkbox', id: `anywhere-${index}`, checked: step.reachable_from_anywhere }), step, 'reachable_from_anywhere'),
        h('label', { for: `anywhere-${index}` }, 'Reachable from anywhere (the conversation may be relocalized here from any step)')),
      field('Instructions', bind(h('textarea', { rows: 2, value: step.instructions || '' }), step, 'instructions')),
      h('h3', null, 'Fields collected'), step.collects.length ? fields : h('p', { class: 'muted' }, 'None.'),
      h('button', { type: 'button', class: 'secondary', onclick() { step.collects.push({ name: '', description: '', required: true }); renderSteps(); } }, 'Add field'),
      h('h3', null, 'Transitions'), step.transitions.length ? transitions : h('p', { class: 'muted' }, 'None.'),
      h('h3', null, 'Exit conditions of this step'), exitEditor(step, `Step ${step.id}`, `exits-${index}`),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'secondary', onclick() { step.transitions.push({ to: model.steps[0].id }); renderSteps(); } }, 'Add transition'),
        h('button', { type: 'button', class: 'secondary danger', disabled: model.steps.length === 1,
          onclick() { model.steps.splice(index, 1); renderSteps(); } }, 'Remove step')));
  }

  bind(name, model, 'name');
  bind(description, model, 'description');
  bind(entry, model, 'entry_condition');
  bind(enabled, model, 'enabled');
  renderSteps();

  const out = h('div');
  const form = h('form', {
    class: 'card',
    id: 'scenario-form',
    async onsubmit(e) {
      e.preventDefault();
      clear(out);
      const checks = await Promise.all([...celChecks].map((c) => c.check()));
      if (checks.includes(false)) {
        out.append(errorBox(new Error('A transition condition is not a valid CEL expression; fix it before saving.')));
        return;
      }
      const body = structuredClone(model);
      delete body.version;
      const filled = (conditions) => (conditions || []).map((c) => c.trim()).filter((c) => c);
      body.exit_conditions = filled(body.exit_conditions);
      body.steps.forEach((st) => { st.exit_conditions = filled(st.exit_conditions); });
      try {
        const res = id ? await request('PUT', `${base}/${enc(id)}`, { body, ifMatch: etag })
          : await request('POST', base, { body });
        notify(`Scenario '${res.data.name}' saved (version ${res.data.version}).`);
        go('/scenarios');
      } catch (err) {
        out.append(errorBox(err));
      }
    },
  },
  h('div', { class: 'grid2' }, field('Name', name), field('Description', description)),
  field('Entry condition', entry, 'When to enter the scenario, in plain language (matched by meaning).'),
  h('div', { class: 'grid2' }, field('Entry step', entryStep),
    h('div', { class: 'field check' }, enabled, h('label', { for: 'scenario-enabled' }, 'Enabled'))),
  h('h3', null, 'Exit conditions'),
  h('p', { class: 'hint' }, 'Leave the scenario unfinished, from any step, when one holds: a CEL expression such as variables.answer == "no", or plain language matched by meaning. A later message may resume it where it was left.'),
  exitEditor(model, 'Scenario', 'scenario-exits'),
  h('h2', null, 'Graph'), graphBox,
  h('h2', null, 'Steps'), stepsBox,
  h('button', { type: 'button', class: 'secondary', id: 'add-step', onclick() {
    let n = model.steps.length + 1;
    while (model.steps.some((st) => st.id === `step_${n}`)) n += 1;
    model.steps.push({ id: `step_${n}`, name: '', instructions: '', collects: [], transitions: [], terminal: false });
    renderSteps();
  } }, 'Add step'),
  out,
  h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'save-scenario' }, id ? 'Save' : 'Create scenario'),
    h('a', { class: 'button secondary', href: '#/scenarios' }, 'Cancel'),
    id ? h('button', { type: 'button', class: 'danger', async onclick() {
      if (!window.confirm(`Delete scenario '${sc.name}'?`)) return;
      try {
        await request('DELETE', `${base}/${enc(id)}`);
        notify(`Scenario '${sc.name}' deleted.`);
        go('/scenarios');
      } catch (err) {
        clear(out).append(errorBox(err));
      }
    } }, 'Delete') : null));
  return h('section', null, h('div', { class: 'title-row' }, h('h1', null, id ? `Scenario ${sc.name}` : 'New scenario'),
    id ? h('span', { class: 'badge' }, `version ${sc.version}`) : null), form);
}
