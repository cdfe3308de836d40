import { h, empty } from '../lib/dom.js';

export async function toolsPage() {
  return h('section', null, h('h1', null, 'Tools'),
    empty('The Toolbox is not available on this server yet', 'Tools will be registered, enabled per agent and tried from here.'));
}
