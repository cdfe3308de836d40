// The Toolbox: the tenant's tools, registration of HTTP tools, activation per agent, trial
// calls from a form generated from the tool's input schema, sandbox limits, recent failures.
import { h, field, empty, errorBox, clear, when, debounce } from '../lib/dom.js';
import { request, get, enc, session } from '../lib/api.js';
import { notify, go } from '../app.js';

const ROLES = ['viewer', 'client', 'builder', 'admin'];
const can = (role) => ROLES.indexOf(session.me()?.role) >= ROLES.indexOf(role);

export async function toolsPage() {
  const agent = session.agent();
  const [page, limits, failures] = await Promise.all([
    get(`/api/tools${agent ? `?agent=${enc(agent)}` : ''}`),
    get('/api/tools/limits'),
    get('/api/tools/failures?limit=20'),
  ]);
  const tryBox = h('div', { id: 'try-box' });
  const tools = page.items;
  const table = tools.length
    ? h('table', { class: 'list', id: 'tools-table' },
      h('thead', null, h('tr', null,
        ['Name', 'Kind', 'Side effect', 'Timeout', 'Confirmation', agent ? `Enabled for ${agent}` : 'Enabled']
          .map((c) => h('th', { scope: 'col' }, c)),
        h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
      h('tbody', null, tools.map((t) => h('tr', { dataset: { tool: t.name } },
        h('td', null, h('strong', { class: 'code' }, t.name), h('div', { class: 'small muted' }, t.description)),
        h('td', null, h('span', { class: 'badge' }, t.kind)),
        h('td', null, h('span', { class: `badge ${t.side_effect === 'irreversible' ? 'danger' : ''}` }, t.side_effect)),
        h('td', null, `${t.timeout_ms} ms`),
        h('td', null, t.requires_confirmation ? 'required' : h('span', { class: 'muted' }, 'no')),
        h('td', null, agent ? toggle(agent, t) : h('span', { class: 'muted' }, 'choose an agent')),
        h('td', { class: 'actions' }, h('button', {
          type: 'button',
          class: 'secondary try-tool',
          'aria-controls': 'try-box',
          onclick: () => {
            clear(tryBox).append(tryCard(t, agent));
            tryBox.querySelector('input, select, textarea')?.focus();
          },
        }, 'Try', h('span', { class: 'sr-only' }, ` ${t.name}`)),
        can('builder') ? removeButton(t) : null)))))
    : empty('No tool yet', 'A tool is an HTTP endpoint, an upstream MCP server or a built-in that agents may call. Register one below, or with tool_register over MCP.');
  return h('section', null,
    h('div', { class: 'title-row' }, h('h1', null, 'Tools'),
      h('span', { class: 'badge' }, `${tools.length} tool${tools.length === 1 ? '' : 's'}`)),
    table, tryBox,
    can('builder') ? registerCard() : null,
    h('div', { class: 'grid2' }, limitsCard(limits), failuresCard(failures.items)));
}

// Removes a tool from the tenant's Toolbox (an MCP server registration with the tools it
// imported), after the person confirms.
function removeButton(tool) {
  return h('button', {
    type: 'button',
    class: 'danger remove-tool',
    async onclick() {
      const imported = tool.kind === 'mcp' ? ' and every tool imported from it' : '';
      if (!window.confirm(`Delete tool '${tool.name}'${imported}? Agents and rules that use it can no longer call it.`)) return;
      try {
        await request('DELETE', `/api/tools/${enc(tool.name)}`);
        notify(`Tool '${tool.name}' deleted.`);
        go('/tools');
      } catch (err) {
        notify(err.message, 'error');
      }
    },
  }, 'Delete', h('span', { class: 'sr-only' }, ` ${tool.name}`));
}

function toggle(agent, tool) {
  let on = !!tool.enabled;
  const button = h('button', {
    type: 'button',
    class: `toggle ${on ? 'on' : 'off'}`,
    'aria-pressed': String(on),
    'aria-label': `${tool.name} enabled for ${agent}`,
    disabled: !can('builder'),
    async onclick() {
      try {
        await request('PUT', `/api/agents/${enc(agent)}/tools/${enc(tool.name)}`, { body: { enabled: !on } });
        on = !on;
        button.className = `toggle ${on ? 'on' : 'off'}`;
        button.setAttribute('aria-pressed', String(on));
        button.textContent = on ? 'On' : 'Off';
        notify(`Tool '${tool.name}' ${on ? 'enabled' : 'disabled'} for ${agent}.`);
      } catch (err) {
        notify(err.message, 'error');
      }
    },
  }, on ? 'On' : 'Off');
  return button;
}

// The fields of a flat object schema, or null when the schema needs the raw JSON editor.
export function schemaFields(schema) {
  if (!schema || schema.type !== 'object') return null;
  const props = Object.entries(schema.properties || {});
  const simple = ['string', 'number', 'integer', 'boolean'];
  if (props.some(([, p]) => !(Array.isArray(p.enum) || simple.includes(p.type)))) return null;
  const required = new Set(schema.required || []);
  return props.map(([name, p]) => ({ name, schema: p, required: required.has(name) }));
}

function input(f) {
  const p = f.schema;
  const attrs = { dataset: { arg: f.name }, 'aria-required': f.required ? 'true' : null };
  if (Array.isArray(p.enum)) {
    return h('select', attrs, f.required ? null : h('option', { value: '' }, '(none)'),
      p.enum.map((v, i) => h('option', { value: String(i) }, String(v))));
  }
  if (p.type === 'boolean') return h('input', { ...attrs, type: 'checkbox', checked: p.default === true });
  if (p.type === 'integer' || p.type === 'number') {
    return h('input', { ...attrs, type: 'number', step: p.type === 'integer' ? 1 : 'any', min: p.minimum, max: p.maximum,
      value: p.default });
  }
  return h('input', { ...attrs, type: 'text', value: p.default, maxlength: p.maxLength });
}

function readFields(fields, inputs) {
  const args = {};
  fields.forEach((f, i) => {
    const el = inputs[i];
    if (Array.isArray(f.schema.enum)) {
      if (el.value !== '') args[f.name] = f.schema.enum[Number(el.value)];
    } else if (f.schema.type === 'boolean') {
      args[f.name] = el.checked;
    } else if (f.schema.type === 'integer' || f.schema.type === 'number') {
      if (el.value !== '') args[f.name] = Number(el.value);
    } else if (el.value !== '' || f.required) {
      args[f.name] = el.value;
    }
  });
  return args;
}

function tryCard(tool, agent) {
  const fields = schemaFields(tool.input_schema);
  const inputs = fields ? fields.map(input) : [];
  const raw = h('textarea', { id: 'tool-args-json', class: 'code', rows: 6, value: '{}',
    hidden: !!fields, 'aria-label': 'Arguments as JSON' });
  let rawMode = !fields;
  const formFields = h('div', { id: 'tool-args-form', hidden: !fields },
    fields && !fields.length ? h('p', { class: 'hint' }, 'This tool takes no arguments.') : null,
    inputs.map((el, i) => {
      const f = fields[i];
      const label = `${f.name}${f.required ? ' (required)' : ''}`;
      const hint = [f.schema.description, f.schema.type, f.schema.minimum != null ? `min ${f.schema.minimum}` : null,
        f.schema.maximum != null ? `max ${f.schema.maximum}` : null].filter(Boolean).join(' · ');
      if (el.type === 'checkbox') {
        el.id = `arg-${f.name}`;
        return h('div', { class: 'field check' }, el, h('label', { for: el.id }, label));
      }
      el.id = `arg-${f.name}`;
      return field(label, el, hint);
    }));
  const switcher = fields ? h('button', {
    type: 'button',
    class: 'secondary',
    id: 'tool-args-mode',
    onclick() {
      rawMode = !rawMode;
      if (rawMode) raw.value = JSON.stringify(readFields(fields, inputs), null, 2);
      raw.hidden = !rawMode;
      formFields.hidden = rawMode;
      switcher.textContent = rawMode ? 'Edit as a form' : 'Edit as JSON';
    },
  }, 'Edit as JSON') : null;
  const asAgent = h('input', { type: 'checkbox', id: 'tool-as-agent', disabled: !agent });
  const confirmed = tool.requires_confirmation ? h('input', { type: 'checkbox', id: 'tool-confirmed' }) : null;
  const out = h('div', { id: 'tool-result', 'aria-live': 'polite' });
  const run = h('button', { type: 'submit', id: 'run-tool', disabled: !can('client') }, 'Run');
  return h('form', {
    class: 'card',
    id: 'try-tool',
    async onsubmit(e) {
      e.preventDefault();
      clear(out);
      let args;
      try {
        args = rawMode ? JSON.parse(raw.value || '{}') : readFields(fields, inputs);
      } catch (err) {
        out.append(errorBox(new Error(`The arguments are not valid JSON: ${err.message}`)));
        return;
      }
      const body = { arguments: args };
      if (asAgent.checked && agent) body.agent = agent;
      if (confirmed) body.confirmed = confirmed.checked;
      run.disabled = true;
      out.append(h('p', { class: 'loading' }, 'Running…'));
      try {
        const { data } = await request('POST', `/api/tools/${enc(tool.name)}/invoke`, { body });
        clear(out).append(result(data));
      } catch (err) {
        clear(out).append(errorBox(err));
      } finally {
        run.disabled = !can('client');
      }
    },
  },
  h('div', { class: 'title-row' }, h('h2', null, `Try ${tool.name}`), switcher),
  h('p', { class: 'hint' }, tool.description),
  formFields, raw,
  h('div', { class: 'field check' }, asAgent, h('label', { for: 'tool-as-agent' },
    agent ? `Run as agent ${agent} (the tool must be enabled for it)` : 'Run as an agent (choose one first)')),
  confirmed ? h('div', { class: 'field check' }, confirmed, h('label', { for: 'tool-confirmed' },
    'I confirm this call (the tool requires confirmation before each call)')) : null,
  h('div', { class: 'buttons' }, run), out);
}

function result(data) {
  const ok = data.status === 'ok';
  return h('div', { class: 'tool-result' },
    h('p', null, h('span', { class: `badge ${ok ? 'ok' : 'danger'}`, id: 'tool-status' }, data.status), ' ',
      h('span', { class: 'muted' }, `${data.duration_ms} ms`),
      data.reason ? h('span', { class: 'muted' }, ` · ${data.reason}`) : null),
    data.message ? h('p', { class: 'error' }, data.message) : null,
    ok ? h('pre', { class: 'code output', id: 'tool-output' }, JSON.stringify(data.output, null, 2)) : null);
}

const SCHEMA_SKELETON = JSON.stringify({
  type: 'object',
  properties: { city: { type: 'string', description: 'City name' } },
  required: ['city'],
}, null, 2);

function registerCard() {
  const name = h('input', { id: 'tool-name', required: true, maxlength: 100, pattern: '[A-Za-z0-9_.\\-]+' });
  const description = h('input', { id: 'tool-description', required: true });
  const target = h('input', { id: 'tool-target', type: 'url', required: true, placeholder: 'https://api.example.com/weather' });
  const sideEffect = h('select', { id: 'tool-side-effect' },
    ['pure', 'idempotent', 'irreversible'].map((v) => h('option', { value: v }, v)));
  const timeout = h('input', { id: 'tool-timeout', type: 'number', min: 1, max: 600000, value: 10000 });
  const confirm = h('input', { type: 'checkbox', id: 'tool-requires-confirmation' });
  const schema = h('textarea', { id: 'tool-schema', class: 'code', rows: 9, value: SCHEMA_SKELETON });
  const auth = h('input', { id: 'tool-auth', type: 'password', autocomplete: 'off' });
  const schemaMessage = h('p', { class: 'cel-message schema-message', id: 'tool-schema-message', 'aria-live': 'polite' });
  schema.setAttribute('aria-describedby', schemaMessage.id);
  // Checks the schema with the server (JSON Schema 2020-12); returns the parsed schema, or null.
  async function checkSchema() {
    let parsed;
    try {
      parsed = JSON.parse(schema.value);
    } catch (err) {
      return show(false, `Not valid JSON: ${err.message}`);
    }
    try {
      const { data } = await request('POST', '/api/tools/schema/check', { body: { schema: parsed } });
      return show(data.valid, data.valid ? 'Valid JSON Schema' : data.problems.join('; ')) ? parsed : null;
    } catch (err) {
      return show(false, err.message);
    }
  }
  function show(valid, text) {
    schemaMessage.className = `cel-message schema-message ${valid ? 'valid' : 'invalid'}`;
    schemaMessage.textContent = text;
    if (valid) schema.removeAttribute('aria-invalid');
    else schema.setAttribute('aria-invalid', 'true');
    return valid;
  }
  schema.addEventListener('input', debounce(checkSchema, 400));
  const out = h('div');
  return h('form', {
    class: 'card',
    id: 'register-tool',
    async onsubmit(e) {
      e.preventDefault();
      clear(out);
      const inputSchema = await checkSchema();
      if (!inputSchema) {
        out.append(errorBox(new Error(`The input schema is refused: ${schemaMessage.textContent}`)));
        schema.focus();
        return;
      }
      const body = {
        name: name.value.trim(), description: description.value, kind: 'http', target: target.value.trim(),
        side_effect: sideEffect.value, timeout_ms: Number(timeout.value || 10000),
        requires_confirmation: confirm.checked, input_schema: inputSchema,
      };
      if (auth.value) body.secret_headers = { Authorization: auth.value };
      try {
        await request('POST', '/api/tools', { body });
        notify(`Tool '${body.name}' registered.`);
        go('/tools');
      } catch (err) {
        out.append(errorBox(err));
      }
    },
  },
  h('h2', null, 'Register an HTTP tool'),
  h('p', { class: 'hint' }, 'Each call POSTs the JSON arguments to the target URL and reads a JSON answer. The schema is checked (JSON Schema 2020-12) by the server; registering a name again replaces the tool. MCP servers and built-ins are registered with tool_register over MCP or POST /api/tools.'),
  h('div', { class: 'grid2' }, field('Name', name, "Letters, digits, '_', '-' or '.'"), field('Target URL', target)),
  field('Description', description, 'What the tool does, written for a model choosing tools.'),
  h('div', { class: 'grid3' }, field('Side effect', sideEffect, 'irreversible calls run at most once per idempotency key'),
    field('Timeout (ms)', timeout, 'Capped by the server limit below.'),
    field('Authorization header', auth, 'Optional; stored encrypted, never shown again.')),
  h('div', { class: 'field check' }, confirm, h('label', { for: 'tool-requires-confirmation' }, 'Requires confirmation before each call')),
  field('Input schema (JSON)', schema, 'The arguments the tool takes, checked by the server as you type; the try form is generated from it.'),
  schemaMessage,
  out, h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'save-tool' }, 'Register')));
}

function limitsCard(l) {
  const rows = [
    ['Timeout cap', `${l.timeout_cap_ms} ms`],
    ['Largest answer', `${Math.round(l.max_response_bytes / 1024)} KiB`],
    ['Calls per minute (tenant)', l.tenant_calls_per_minute],
    ['Calls per minute (per tool)', l.tool_calls_per_minute],
    ['Daily quota', l.daily_quota],
    ['Concurrent calls', l.tenant_concurrency],
    ['Circuit breaker', `opens at ${l.breaker.failure_rate_percent}% failures over ${l.breaker.minimum_calls}+ calls, for ${l.breaker.open_ms} ms`],
    ['Retries', `${l.retry.max_attempts} attempts (pure and idempotent tools), ${l.retry.pause_ms} ms apart`],
    ['New tools', l.enabled_by_default ? 'enabled for every agent' : 'enabled per agent'],
  ];
  return h('div', { class: 'card', id: 'tool-limits' }, h('h2', null, 'Limits'),
    h('p', { class: 'hint' }, 'Set by the server (platform.toolbox.*); they apply to every call.'),
    h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, String(v))])));
}

function failuresCard(items) {
  return h('div', { class: 'card', id: 'tool-failures' }, h('h2', null, 'Recent failures'),
    items.length ? h('table', { class: 'mini' },
      h('thead', null, h('tr', null, ['When', 'Tool', 'Status', 'ms', 'Why'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, items.map((f) => h('tr', null, h('td', null, when(f.at)), h('td', { class: 'code' }, f.subject),
        h('td', null, h('span', { class: 'badge danger' }, f.outcome)), h('td', null, f.duration_ms),
        h('td', null, f.details?.failure || '')))))
      : h('p', { class: 'muted' }, 'No failed call recently.'));
}
