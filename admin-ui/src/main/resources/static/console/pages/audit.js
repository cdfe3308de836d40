import { h, empty, errorBox, clear, when } from '../lib/dom.js';
import { get, session } from '../lib/api.js';

export async function auditPage() {
  if (session.me()?.role !== 'admin') {
    return h('section', null, h('h1', null, 'Audit'), empty('Admins only', 'The audit log needs an admin key.'));
  }
  const results = h('div');
  let cursor = null;
  async function load(append) {
    try {
      const page = await get(`/api/audit?limit=50${append && cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      cursor = page.next_cursor || null;
      if (!append) clear(results);
      if (!page.items.length && !append) {
        results.append(empty('Nothing audited yet', 'Turns, tool calls and configuration changes appear here.'));
        return;
      }
      let tbody = results.querySelector('tbody');
      if (!tbody) {
        tbody = h('tbody');
        results.append(h('table', { class: 'list', id: 'audit-table' }, h('thead', null, h('tr', null,
          ['When', 'Actor', 'Action', 'Subject', 'Session', 'Outcome', 'ms', 'Details'].map((c) => h('th', { scope: 'col' }, c)))), tbody));
      }
      for (const r of page.items) {
        tbody.append(h('tr', null, h('td', null, when(r.at)), h('td', { class: 'code' }, r.actor), h('td', null, r.action),
          h('td', { class: 'code' }, r.subject), h('td', null, r.session ? h('a', { href: `#/sessions/${encodeURIComponent(r.session)}` }, r.session) : ''),
          h('td', null, h('span', { class: `badge ${r.outcome === 'ok' ? 'ok' : 'danger'}` }, r.outcome)), h('td', null, r.duration_ms),
          h('td', { class: 'small' }, Object.entries(r.details || {}).map(([k, v]) => `${k}=${v}`).join(' '))));
      }
      results.querySelector('.more')?.remove();
      if (cursor) results.append(h('button', { type: 'button', class: 'secondary more', onclick: () => load(true) }, 'Load more'));
    } catch (err) {
      clear(results).append(errorBox(err));
    }
  }
  await load(false);
  return h('section', null, h('h1', null, 'Audit log'), results);
}
