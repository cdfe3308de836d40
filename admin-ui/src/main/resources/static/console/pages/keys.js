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
  const label = h('input', { id: 'key-label', maxlength: 100, placeholder: 'e.g. support chatbot' });
  const form = h('form', {
    class: 'card inline',
    async onsubmit(e) {
      e.preventDefault();
      clear(secret);
      try {
        const body = { role: role.value };
        if (label.value.trim()) body.label = label.value.trim();
        const { data } = await request('POST', '/api/keys', { body });
        label.value = '';
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
  }, h('h2', null, 'Create a key'), field('Role', role), field('Label', label), h('button', { type: 'submit', id: 'create-key' }, 'Create key'));
  const tableBox = h('div', null, table(keys));
  const parts = [h('h1', null, 'Keys'), h('p', { class: 'hint' }, 'viewer reads; client also converses; builder also edits agents, rules, scenarios and tools; admin also manages keys. A label says who holds a key; the audit log and the versions show it.'), form, secret, tableBox];
  if (me.platform_admin) parts.push(await tenantsCard());
  return h('section', null, parts);

  function table(list) {
    if (!list.length) return empty('No keys', '');
    return h('table', { class: 'list', id: 'keys-table' }, h('thead', null, h('tr', null,
      ['Label', 'Key id', 'Role', 'Created', 'Status', ''].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, list.map((k) => h('tr', { dataset: { key: k.id } }, labelCell(k), h('td', { class: 'code' }, k.id), h('td', null, k.role),
      h('td', null, when(k.created_at)),
      h('td', null, k.revoked_at ? h('span', { class: 'badge danger' }, `revoked ${when(k.revoked_at)}`) : h('span', { class: 'badge ok' }, 'active')),
      h('td', { class: 'actions' }, k.revoked_at || k.id === me.key_id ? (k.id === me.key_id ? h('span', { class: 'muted' }, 'this key') : null)
        : h('button', { type: 'button', class: 'danger', async onclick() {
          if (!window.confirm(`Revoke key ${k.label || k.id}? Clients using it stop working.`)) return;
          try {
            await request('DELETE', `/api/keys/${encodeURIComponent(k.id)}`);
            notify(`Key ${k.label || k.id} revoked.`);
            go('/keys');
          } catch (err) {
            notify(err.message, 'error');
          }
        } }, 'Revoke'))))));
  }

  // The label, with a Rename button that edits it in place.
  function labelCell(k) {
    const cell = h('td', { class: 'key-label' });
    const show = () => clear(cell).append(k.label ? h('strong', null, k.label) : h('span', { class: 'muted' }, 'no label'), ' ',
      h('button', { type: 'button', class: 'secondary icon rename-key', 'aria-label': `Rename key ${k.label || k.id}`, onclick: edit }, 'Rename'));
    function edit() {
      const input = h('input', { value: k.label || '', maxlength: 100, 'aria-label': `Label of key ${k.id}`, class: 'key-label-input' });
      clear(cell).append(h('form', { class: 'cel-line', async onsubmit(e) {
        e.preventDefault();
        try {
          const { data } = await request('PATCH', `/api/keys/${encodeURIComponent(k.id)}`, { body: { label: input.value.trim() } });
          k.label = data.label;
          notify(k.label ? `Key ${k.id} is now '${k.label}'.` : `Key ${k.id} has no label any more.`);
          show();
        } catch (err) {
          notify(err.message, 'error');
        }
      } }, input, h('button', { type: 'submit', class: 'icon' }, 'Save'),
      h('button', { type: 'button', class: 'icon secondary', onclick: show }, 'Cancel')));
      input.focus();
    }
    show();
    return cell;
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
