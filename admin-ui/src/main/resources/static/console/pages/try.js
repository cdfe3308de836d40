// Try an agent: a chat that calls POST /api/converse and shows why each reply came out as it
// did (mode, rules kept with their scores, scenario step, enforcement, tools), with a link to
// the turn's trace.
import { h, errorBox, clear, score } from '../lib/dom.js';
import { request, enc, session } from '../lib/api.js';
import { scenarioNames } from '../lib/names.js';

const ROLES = ['viewer', 'client', 'builder', 'admin'];

export function tryCard(agent) {
  let current = null;
  const transcript = h('ol', { class: 'turns chat', id: 'try-transcript', 'aria-live': 'polite' });
  const hint = h('p', { class: 'muted', id: 'try-empty' }, 'No message yet: write one below to start a new session.');
  const message = h('input', { id: 'try-message', type: 'text', autocomplete: 'off', maxlength: 4000,
    'aria-label': `Message to ${agent}`, placeholder: 'Write as a customer would…' });
  const send = h('button', { type: 'submit', id: 'try-send' }, 'Send');
  const sessionInfo = h('p', { class: 'small muted', id: 'try-session' });
  const out = h('div');
  const allowed = ROLES.indexOf(session.me()?.role) >= ROLES.indexOf('client');
  message.disabled = !allowed;
  send.disabled = !allowed;
  const reset = h('button', {
    type: 'button',
    class: 'secondary',
    id: 'try-reset',
    onclick() {
      current = null;
      clear(transcript);
      clear(out);
      clear(sessionInfo);
      hint.hidden = false;
      message.focus();
    },
  }, 'New conversation');
  const form = h('form', {
    class: 'chat-form',
    async onsubmit(e) {
      e.preventDefault();
      clear(out);
      const text = message.value.trim();
      if (!text) {
        out.append(errorBox(new Error('Write a message first.')));
        return;
      }
      const body = { message: text };
      if (current) body.session = current;
      else body.agent = agent;
      hint.hidden = true;
      const pending = h('li', { class: 'card turn' }, h('div', { class: 'bubble user' }, h('span', { class: 'who' }, 'You'), text),
        h('p', { class: 'loading' }, 'The agent is replying…'));
      transcript.append(pending);
      send.disabled = true;
      try {
        const { data } = await request('POST', '/api/converse', { body });
        current = data.session;
        message.value = '';
        pending.replaceWith(turn(text, data, await scenarioNames(agent)));
        clear(sessionInfo).append('Session ', h('a', { href: `#/sessions/${enc(data.session)}`, class: 'code' }, data.session),
          ` · ${data.turn} turn${data.turn === 1 ? '' : 's'}`);
      } catch (err) {
        pending.remove();
        if (!transcript.children.length) hint.hidden = false;
        out.append(errorBox(err));
      } finally {
        send.disabled = !allowed;
        message.focus();
      }
    },
  }, h('div', { class: 'chat-line' }, message, send));
  return h('div', { class: 'card', id: 'try-chat' },
    h('div', { class: 'title-row' }, h('h2', null, 'Try a conversation'), reset),
    h('p', { class: 'hint' }, allowed
      ? 'Talk to the agent as a customer would (channel “api”). Each reply says how it was made and why; open its trace for every decision.'
      : 'Conversing needs a client, builder or admin key.'),
    transcript, hint, out, form, sessionInfo);
}

function turn(text, r, names) {
  const e = r.enforcement || { passed: true, violations: [], regenerations: 0 };
  return h('li', { class: 'card turn try-turn' },
    h('div', { class: 'bubble user' }, h('span', { class: 'who' }, 'You'), text),
    h('div', { class: 'bubble agent' }, h('span', { class: 'who' }, 'Agent'), h('span', { class: 'try-response' }, r.response)),
    h('dl', { class: 'decisions why' },
      h('dt', null, 'mode'), h('dd', null, h('span', { class: 'badge try-mode' }, r.mode)),
      h('dt', null, 'rules kept'), h('dd', { class: 'try-rules' }, r.matched_rules.length
        ? r.matched_rules.map((m, i) => [i ? ', ' : '', m.name, ' ', score(m.score)])
        : h('span', { class: 'muted' }, 'none')),
      h('dt', null, 'scenario'), h('dd', null, r.scenario ? names.at(r.scenario.id, r.scenario.step) : h('span', { class: 'muted' }, 'none')),
      h('dt', null, 'enforcement'), h('dd', { class: 'try-enforcement' },
        h('span', { class: `badge ${e.passed ? 'ok' : 'danger'}` }, e.passed ? 'passed' : 'fell back'),
        e.regenerations ? ` · ${e.regenerations} regeneration(s)` : '',
        e.violations.length ? h('ul', { class: 'plain' }, e.violations.map((v) => h('li', null, `${v.rule}: ${v.message}`))) : null),
      r.tool_calls.length ? [h('dt', null, 'tools'), h('dd', null, r.tool_calls.map((t) => `${t.tool} (${t.status})`).join(', '))] : null),
    h('a', { class: 'button secondary open-trace', href: `#/traces/${enc(r.trace)}` }, `Open the trace of turn ${r.turn}`));
}
