import { h, empty, errorBox, clear, when, field } from '../lib/dom.js';
import { request, get, session } from '../lib/api.js';
import { notify, go } from '../app.js';

export async function keysPage() {
  const me = session.me();
  if (me?.role !== 'admin') {
    return h('section', null, h('h1', null, 'Keys'), empty('Admins only', 'Managing keys needs an admin key; yours is ' + me?.role + '.'));
  }
  const keys = await get('/api/keys');
  const secret = h('div');
  const role = h('select', { id: 'key-role', value: 'client' }, ['viewer', 'client', 'builder', 'admin'].map((r) => h('option', { value: r }, r)));
  const form = h('form', {
    class: 'card inline',
    async onsubmit(e) {
      e.preventDefault();
      clear(secret);
      try {
        const { data } = await request('POST', '/api/keys', { body: { role: role.value } });
        const code = h('input', { class: 'code', readonly: true, value: data.key, 'aria-label': 'New key', id: 'new-key' });
        secret.append(h('div', { class: 'notice', role: 'alert' }, h('p', null, h('strong', null, `New ${data.role} key. `),
          'Copy it now: it is shown only once.'), h('div', { class: 'cel-line' }, code,
          h('button', { type: 'button', class: 'secondary', async onclick() {
            await navigator.clipboard?.writeText(data.key).catch(() => {});
            code.select();
            notify('Key copied.');
          } }, 'Copy'))));
        tableBox.replaceChildren(table(await get('/api/keys')));
      } catch (err) {
        secret.append(errorBox(err));
      }
    },
  }, h('h2', null, 'Create a key'), field('Role', role), h('button', { type: 'submit' }, 'Create key'));
  const tableBox = h('div', null, table(keys));
  const parts = [h('h1', null, 'Keys'), h('p', { class: 'hint' }, 'viewer reads; client also converses; builder also edits agents, rules, scenarios and tools; admin also manages keys.'), form, secret, tableBox];
  if (me.platform_admin) parts.push(await tenantsCard());
  return h('section', null, parts);

  function table(list) {
    if (!list.length) return empty('No keys', '');
    return h('table', { class: 'list', id: 'keys-table' }, h('thead', null, h('tr', null,
      ['Key id', 'Role', 'Created', 'Status', ''].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, list.map((k) => h('tr', null, h('td', { class: 'code' }, k.id), h('td', null, k.role),
      h('td', null, when(k.created_at)),
      h('td', null, k.revoked_at ? h('span', { class: 'badge danger' }, `revoked ${when(k.revoked_at)}`) : h('span', { class: 'badge ok' }, 'active')),
      h('td', null, k.revoked_at || k.id === me.key_id ? (k.id === me.key_id ? h('span', { class: 'muted' }, 'this key') : null)
        : h('button', { type: 'button', class: 'danger', async onclick() {
          if (!window.confirm(`Revoke key ${k.id}? Clients using it stop working.`)) return;
          try {
            await request('DELETE', `/api/keys/${encodeURIComponent(k.id)}`);
            notify(`Key ${k.id} revoked.`);
            go('/keys');
          } catch (err) {
            notify(err.message, 'error');
          }
        } }, 'Revoke'))))));
  }
}

async function tenantsCard() {
  const tenants = await get('/api/tenants');
  const name = h('input', { id: 'tenant-name', required: true, placeholder: 'acme' });
  const out = h('div');
  return h('div', { class: 'card' }, h('h2', null, 'Tenants (platform admin)'),
    h('table', { class: 'list' }, h('thead', null, h('tr', null, ['Id', 'Name', 'Created'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, tenants.map((t) => h('tr', null, h('td', { class: 'code' }, t.id), h('td', null, t.name, t.platform_admin ? ' (platform)' : ''), h('td', null, when(t.created_at)))))),
    h('form', { class: 'inline', async onsubmit(e) {
      e.preventDefault();
      clear(out);
      try {
        const { data } = await request('POST', '/api/tenants', { body: { name: name.value } });
        out.append(h('div', { class: 'notice', role: 'alert' }, `Tenant '${data.id}' created. Its admin key, shown once: `,
          h('code', null, data.admin_key)));
      } catch (err) {
        out.append(errorBox(err));
      }
    } }, field('New tenant', name), h('button', { type: 'submit' }, 'Create tenant')), out);
}
