// One interlocutor: its profile, its sessions, the export of its data and its erasure
// (docs/privacy.md). Personal values show as *** everywhere but in the export.
import { h, empty, errorBox, clear, when, download } from '../lib/dom.js';
import { get, request, enc, session } from '../lib/api.js';
import { notify } from '../app.js';

async function profileOf(id) {
  try {
    return await get(`/api/interlocutors/${enc(id)}`);
  } catch (err) {
    if (err.status === 404) return null;
    throw err;
  }
}

function profileCard(profile) {
  if (!profile) {
    return empty('No profile', 'Nothing is held in this interlocutor\'s profile: no collected field marked profile has been written, or the data was erased.');
  }
  const personal = new Set(profile.personal_fields);
  const fields = Object.entries(profile.fields);
  return h('div', { class: 'card' },
    fields.length ? h('table', { class: 'mini', id: 'profile-fields' }, h('tbody', null, fields.map(([name, value]) =>
      h('tr', null, h('th', { scope: 'row' }, name), h('td', null, value),
        h('td', null, personal.has(name) ? h('span', { class: 'badge' }, 'personal') : ''))))) : h('p', null, 'No field.'),
    h('p', { class: 'small muted' }, `Updated ${when(profile.updated_at)}. Personal values are encrypted where they are stored and shown as ***; the export holds them in clear.`));
}

function sessionsTable(sessions, agentNames = new Map()) {
  if (!sessions.length) return empty('No sessions', 'This interlocutor has no recorded session.');
  return h('table', { class: 'list', id: 'interlocutor-sessions' },
    h('thead', null, h('tr', null, ['Session', 'Agent', 'Channel', 'Status', 'Turns', 'Started'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, sessions.map((s) => h('tr', null,
      h('td', null, h('a', { href: `#/sessions/${enc(s.id)}`, class: 'code' }, s.id)),
      h('td', null, agentNames.get(s.agent.id) || s.agent.id), h('td', null, s.channel), h('td', null, s.status),
      h('td', null, String(s.turn_count)), h('td', null, when(s.created_at))))));
}

function exportButton(id) {
  const result = h('div', { id: 'export-result' });
  const button = h('button', {
    type: 'button',
    id: 'export-interlocutor',
    async onclick() {
      clear(result);
      try {
        const data = await get(`/api/interlocutors/${enc(id)}/export`);
        download(`interlocutor-${id.replace(/[^\w.-]/g, '_')}.json`, JSON.stringify(data, null, 2), 'application/json');
        result.append(h('p', { class: 'small' }, `Exported ${data.sessions.length} session(s) and ${data.traces.length} trace(s).`));
      } catch (err) {
        result.append(errorBox(err));
      }
    },
  }, 'Download the export (JSON)');
  return h('div', null, button, result);
}

function eraseForm(id, onErased) {
  const typed = h('input', { id: 'erase-confirm', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const result = h('div', { id: 'erase-result' });
  const button = h('button', {
    type: 'button',
    class: 'danger',
    id: 'erase-interlocutor',
    disabled: true,
    async onclick() {
      clear(result);
      try {
        const { data } = await request('DELETE', `/api/interlocutors/${enc(id)}`);
        notify(`Interlocutor ${id} erased: ${data.sessions_erased} session(s), ${data.turns_erased} turn(s)${data.profile_erased ? ' and the profile' : ''}.`);
        typed.value = '';
        button.disabled = true;
        onErased();
      } catch (err) {
        result.append(errorBox(err));
      }
    },
  }, 'Erase everything');
  typed.addEventListener('input', () => {
    button.disabled = typed.value !== id;
  });
  return h('div', { class: 'card' },
    h('p', null, 'Deletes the profile, every session of this interlocutor, and their messages, replies and traces. This cannot be undone; the audit log keeps that an erasure happened and who asked.'),
    h('div', { class: 'field' }, h('label', { for: 'erase-confirm' }, `Type ${id} to confirm`), typed),
    button, result);
}

export async function interlocutorPage(id) {
  const [profile, sessions, agents] = await Promise.all([profileOf(id), get(`/api/interlocutors/${enc(id)}/sessions`),
    get('/api/agents?limit=500')]);
  const agentNames = new Map(agents.items.map((a) => [a.id, a.name]));
  const admin = session.me()?.role === 'admin';
  const profileBox = h('div', { id: 'interlocutor-profile' }, profileCard(profile));
  const sessionsTitle = h('h2', null, `Sessions (${sessions.items.length})`);
  const sessionsBox = h('div', null, sessionsTable(sessions.items, agentNames));
  // Nothing is left to read back after an erasure: the page shows it without asking.
  function erased() {
    clear(profileBox).append(profileCard(null));
    sessionsTitle.textContent = 'Sessions (0)';
    clear(sessionsBox).append(sessionsTable([]));
  }
  return h('section', null,
    h('div', { class: 'title-row' }, h('h1', null, `Interlocutor ${id}`), h('a', { class: 'button secondary', href: '#/sessions' }, 'All sessions')),
    h('h2', null, 'Profile'), profileBox,
    sessionsTitle, sessionsBox,
    h('h2', null, 'Export and erasure'),
    admin ? [exportButton(id), eraseForm(id, erased)]
      : h('p', { class: 'hint' }, 'Exporting and erasing an interlocutor\'s data needs an admin key.'));
}
