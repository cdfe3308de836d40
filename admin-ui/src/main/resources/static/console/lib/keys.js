// Who acted, as a person reads it: a key's label (its id on hover), for admins, who may
// list the keys; the key id otherwise.
import { h } from './dom.js';
import { get, session } from './api.js';

export async function keyLabels() {
  if (session.me()?.role !== 'admin') return new Map();
  const keys = await get('/api/keys').catch(() => []);
  return new Map(keys.map((k) => [k.id, k.label || null]));
}

export function who(labels, actor) {
  if (!actor) return '—';
  const label = labels.get(actor);
  if (label) return h('span', { title: actor, class: 'actor' }, label);
  if (actor === 'system') return h('span', { class: 'muted' }, 'the platform');
  return h('span', { class: 'code actor' }, actor);
}
