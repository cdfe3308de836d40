// Live CEL validation against the server's own checker (POST /api/expressions/check).
import { h, debounce } from './dom.js';
import { request } from './api.js';

// Wraps an input so that every edit is checked; returns {row, input, check()}.
export function celInput(value, kind, { label, onRemove, placeholder } = {}) {
  const input = h('input', { class: 'code cel', value: value || '', placeholder: placeholder || '', spellcheck: 'false',
    autocomplete: 'off', 'aria-label': label || 'CEL expression' });
  const message = h('p', { class: 'cel-message', 'aria-live': 'polite' });
  input.setAttribute('aria-describedby', (message.id = `cel-${Math.random().toString(36).slice(2)}`));
  let state = { valid: true, pending: null };

  async function check() {
    const source = input.value.trim();
    if (!source) {
      show(null);
      return true;
    }
    const pending = request('POST', '/api/expressions/check', { body: { expression: source, kind } })
      .then(({ data }) => data)
      .catch((err) => ({ valid: false, message: err.message }));
    state.pending = pending;
    const result = await pending;
    if (state.pending === pending && input.value.trim() === source) show(result);
    return result.valid;
  }

  function show(result) {
    message.className = 'cel-message';
    input.removeAttribute('aria-invalid');
    message.textContent = '';
    if (!result) return;
    if (result.valid) {
      message.classList.add('valid');
      message.textContent = '✓ valid expression';
    } else {
      message.classList.add('invalid');
      input.setAttribute('aria-invalid', 'true');
      message.textContent = result.message || 'invalid expression';
    }
  }

  input.addEventListener('input', debounce(check, 250));
  if (input.value) check();
  const remove = onRemove
    ? h('button', { type: 'button', class: 'icon secondary', 'aria-label': `Remove ${label || 'expression'}`,
      onclick: onRemove }, '✕')
    : null;
  const row = h('div', { class: 'cel-row' }, h('div', { class: 'cel-line' }, input, remove), message);
  return { row, input, check };
}
