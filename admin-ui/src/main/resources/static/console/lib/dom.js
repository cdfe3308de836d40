// Tiny DOM helpers: no innerHTML with data, so no injection and no inline styles (CSP).

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  if (attrs && 'value' in attrs && attrs.value != null) el.value = attrs.value;
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v != null) el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function apply(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false || k === 'value') continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = !!v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

let uid = 0;
export function id(prefix = 'f') {
  uid += 1;
  return `${prefix}-${uid}`;
}

// A labelled form field; returns {row, input}.
export function field(label, input, hint) {
  if (!input.id) input.id = id('in');
  const hintEl = hint ? h('p', { class: 'hint', id: `${input.id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hintEl);
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function empty(title, text, action) {
  return h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, title), text ? h('p', null, text) : null, action);
}

export function errorBox(err) {
  return h('div', { class: 'error', role: 'alert' }, h('strong', null, 'Error: '), err.message || String(err));
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// A retrieval or relevance score as people read it: two decimals.
export function score(value) {
  return h('span', { class: 'score' }, typeof value === 'number' ? value.toFixed(2) : '—');
}

// A value that holds JSON (a tool's nested output) pretty-printed; any other text as is.
export function jsonOrText(value) {
  if (typeof value === 'string' && /^[[{]/.test(value.trim())) {
    try {
      return h('pre', { class: 'code output' }, JSON.stringify(JSON.parse(value), null, 2));
    } catch (e) {
      return value;
    }
  }
  if (value && typeof value === 'object') return h('pre', { class: 'code output' }, JSON.stringify(value, null, 2));
  return value == null ? '—' : String(value);
}
