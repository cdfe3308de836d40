// The current agent's draft: what it changes against the live version, a replay of
// recorded conversations on it (or on a published version), publish and discard.
import { h, empty, errorBox, clear, when } from '../lib/dom.js';
import { request, get, enc, session } from '../lib/api.js';
import { keyLabels, who } from '../lib/keys.js';
import { notify, go } from '../app.js';
import { diffView } from './versions.js';

const ROLES = ['viewer', 'client', 'builder', 'admin'];

export async function draftPage() {
  const agent = session.agent();
  if (!agent) {
    return h('section', null, h('h1', null, 'Draft'), empty('No agent yet', 'A draft belongs to an agent.',
      h('a', { class: 'button', href: '#/agents/new' }, 'Create an agent')));
  }
  const [{ draft, diff }, labels] = await Promise.all([get(`/api/agents/${enc(agent)}/draft`), keyLabels()]);
  const mayChange = ROLES.indexOf(session.me()?.role) >= ROLES.indexOf('builder');
  const outcome = h('div', { id: 'draft-outcome', 'aria-live': 'polite' });
  const replayBox = h('div', { id: 'replay-result', 'aria-live': 'polite' });

  async function publish() {
    clear(outcome).append(h('p', { class: 'loading' }, 'Publishing…'));
    try {
      const { data } = await request('POST', `/api/agents/${enc(agent)}/draft/publish`, { body: { revision: draft.revision } });
      notify(`Draft published as version ${data.version.version}.`);
      go('/versions');
    } catch (err) {
      clear(outcome).append(publishError(err));
      if (err.status === 422 && err.problem?.replay) clear(replayBox).append(replayView(err.problem.replay));
    }
  }

  async function discard() {
    if (!window.confirm(`Discard the draft of ${agent}? Its edits are lost; the live version stays as it is.`)) return;
    try {
      await request('DELETE', `/api/agents/${enc(agent)}/draft`);
      notify('Draft discarded.');
      go('/draft');
    } catch (err) {
      clear(outcome).append(errorBox(err));
    }
  }

  const head = h('div', { class: 'title-row' }, h('h1', null, `Draft of ${agent}`),
    draft ? h('span', { class: 'badge change-changed' }, `revision ${draft.revision}`) : h('span', { class: 'badge' }, 'no draft'));
  const hint = h('p', { class: 'hint' }, 'A draft collects edits without changing what the agent answers. Replay recorded conversations on it, then publish it as a new version in one step, or discard it.');
  const summary = draft
    ? h('div', { class: 'card', id: 'draft-summary' },
      h('dl', { class: 'facts' },
        h('dt', null, 'Started from'), h('dd', null, draft.base_version ? `version ${draft.base_version}` : 'no published version'),
        h('dt', null, 'Revision'), h('dd', null, String(draft.revision)),
        h('dt', null, 'Last edit'), h('dd', null, who(labels, draft.author), ', ', when(draft.updated_at))),
      mayChange ? h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'publish-draft', onclick: publish }, 'Publish'),
        h('button', { type: 'button', class: 'danger', id: 'discard-draft', onclick: discard }, 'Discard')) : null,
      outcome)
    : empty('No draft', 'Edits made with "draft" (the upsert tools with draft: true, or PUT /api/agents/{agent}/draft/...) gather here. You can still replay conversations on a published version below.');
  const changes = draft ? h('div', { class: 'card', id: 'draft-diff' }, h('h2', null, 'What the draft changes'),
    diffView(diff, `Draft against live version ${draft.base_version}`)) : null;
  return h('section', null, head, hint, summary, changes, replayForm(agent, Boolean(draft), replayBox, mayChange));
}

function publishError(err) {
  if (err.status === 409) {
    return h('div', { class: 'error', role: 'alert' }, h('strong', null, 'Not published: '),
      `${err.message}. Reload the page to see the draft as it is now, then publish again.`);
  }
  if (err.status === 422) {
    return h('div', { class: 'error', role: 'alert' }, h('strong', null, 'Publish refused by the golden conversations: '),
      `${err.message}. The replay below shows what would change.`);
  }
  return errorBox(err);
}

function replayForm(agent, hasDraft, box, mayChange) {
  if (!mayChange) return null;
  const version = h('input', { id: 'replay-version', value: hasDraft ? 'draft' : '', placeholder: 'draft or 3', size: 8, required: true });
  const lastTurns = h('input', { id: 'replay-last', type: 'number', min: 1, value: 20 });
  const sessions = h('input', { id: 'replay-sessions', placeholder: 'session ids, separated by spaces', size: 40 });
  return h('div', { class: 'card' }, h('h2', null, 'Replay recorded conversations'),
    h('p', { class: 'hint' }, 'Re-runs recorded user messages on the live version and on the candidate, in a sandbox: nothing is stored, tools with side effects do not run again (their recorded result is reused, or they are skipped).'),
    h('form', {
      id: 'replay-form',
      async onsubmit(e) {
        e.preventDefault();
        const raw = version.value.trim();
        const body = { version: /^\d+$/.test(raw) ? Number(raw) : raw };
        const ids = sessions.value.split(/[\s,]+/).filter(Boolean);
        if (ids.length) body.sessions = ids;
        else if (lastTurns.value) body.last_turns = Number(lastTurns.value);
        clear(box).append(h('p', { class: 'loading' }, 'Replaying…'));
        try {
          const { data } = await request('POST', `/api/agents/${enc(agent)}/replay`, { body });
          clear(box).append(replayView(data));
        } catch (err) {
          clear(box).append(errorBox(err));
        }
      },
    }, h('label', { for: 'replay-version' }, 'Version'), version,
    h('label', { for: 'replay-last' }, 'Last turns'), lastTurns,
    h('label', { for: 'replay-sessions' }, 'or sessions'), sessions,
    h('button', { type: 'submit', id: 'run-replay' }, 'Replay')),
    box);
}

export function replayView(report) {
  const candidate = report.candidate === 'draft' ? 'the draft' : `version ${report.candidate}`;
  const head = h('p', { id: 'replay-summary' }, h('strong', null, `${report.changed} of ${report.turns} turn(s) change`),
    ` on ${candidate} compared with the ${report.baseline} version.`);
  if (!report.turns) return h('div', null, head, h('p', { class: 'muted' }, 'No recorded turn to replay.'));
  return h('div', null, head, report.sessions.map((s) => h('div', { class: 'replay-session' },
    h('h3', null, 'Session ', h('a', { href: `#/sessions/${enc(s.session)}` }, s.session)),
    h('table', { class: 'mini replay-table' },
      h('thead', null, h('tr', null, ['Turn', 'Message', 'What changed', 'Before', 'After'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, s.turns.map((t) => h('tr', { class: t.changed.length ? 'changed' : null, dataset: { turn: t.turn } },
        h('td', null, String(t.turn)),
        h('td', null, t.message),
        h('td', null, t.changed.length ? t.changed.map((c) => h('span', { class: 'badge change-changed' }, c)) : h('span', { class: 'muted' }, 'nothing'),
          t.tools.length ? h('ul', { class: 'plain small' }, t.tools.map((x) => h('li', null, `${x.tool}: ${x.handling} (${x.status})`))) : null),
        h('td', { class: 'before' }, outcomeView(t.before)),
        h('td', { class: 'after' }, outcomeView(t.after)))))))));
}

const MODES = { template: 'template', fallback: 'fallback', llm: 'model reply', guidance: 'guidance', none: 'no answer' };

function outcomeView(o) {
  return h('dl', { class: 'facts small' },
    h('dt', null, 'Rules'), h('dd', null, o.rules.length ? o.rules.join(', ') : 'none'),
    h('dt', null, 'Scenario'), h('dd', null, o.scenario ? `${o.scenario}${o.step ? ` › ${o.step}` : ''}` : 'none'),
    h('dt', null, 'Mode'), h('dd', null, MODES[o.mode] || o.mode),
    o.reply ? [h('dt', null, 'Reply'), h('dd', null, o.reply)] : null,
    o.violations.length ? [h('dt', null, 'Breaks'), h('dd', null, o.violations.join(', '))] : null);
}
