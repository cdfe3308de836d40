import { h } from '../lib/dom.js';
import { request, session } from '../lib/api.js';

export function signInPage(onSignedIn) {
  const key = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true,
    spellcheck: 'false', 'aria-describedby': 'api-key-hint' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', id: 'sign-in' }, 'Sign in');
  const form = h('form', {
    class: 'card signin',
    async onsubmit(e) {
      e.preventDefault();
      error.hidden = true;
      button.disabled = true;
      try {
        const { data } = await request('GET', '/api/me', { key: key.value.trim() });
        session.signIn(key.value.trim(), data);
        await onSignedIn();
      } catch (err) {
        error.textContent = err.status === 401 ? 'This key is unknown or revoked.' : err.message;
        error.hidden = false;
        key.focus();
      } finally {
        button.disabled = false;
      }
    },
  },
  h('h1', null, 'Sign in to Ruche'),
  h('div', { class: 'field' }, h('label', { for: 'api-key' }, 'API key'), key,
    h('p', { class: 'hint', id: 'api-key-hint' },
      'An API key of your tenant (admin or builder to edit; viewer to read). It stays in this browser tab only and is forgotten when you close it.')),
  error, button);
  setTimeout(() => key.focus(), 0);
  return h('div', { class: 'center' }, form);
}
