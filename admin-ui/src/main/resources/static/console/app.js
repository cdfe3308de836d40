// The console: a hash router over ES-module pages. No build step, no dependencies.
import { h, clear, errorBox } from './lib/dom.js';
import { session, whenUnauthorized, get, enc } from './lib/api.js';
import { signInPage } from './pages/signin.js';
import { agentsPage, agentPage } from './pages/agents.js';
import { rulesPage, rulePage, ruleHistoryPage } from './pages/rules.js';
import { scenariosPage, scenarioPage } from './pages/scenarios.js';
import { sessionsPage, sessionPage, tracePage } from './pages/sessions.js';
import { keysPage } from './pages/keys.js';
import { toolsPage } from './pages/tools.js';
import { auditPage } from './pages/audit.js';
import { versionsPage } from './pages/versions.js';
import { interlocutorPage } from './pages/interlocutors.js';

const main = document.getElementById('main');
const statusEl = document.getElementById('status');

const routes = [
  [/^\/agents$/, () => agentsPage()],
  [/^\/agents\/new$/, () => agentPage(null)],
  [/^\/agents\/([^/]+)$/, (m) => agentPage(decodeURIComponent(m[1]))],
  [/^\/rules$/, () => rulesPage()],
  [/^\/rules\/new$/, () => rulePage(null)],
  [/^\/rules\/([^/]+)\/history$/, (m) => ruleHistoryPage(decodeURIComponent(m[1]))],
  [/^\/rules\/([^/]+)$/, (m) => rulePage(decodeURIComponent(m[1]))],
  [/^\/scenarios$/, () => scenariosPage()],
  [/^\/scenarios\/new$/, () => scenarioPage(null)],
  [/^\/scenarios\/([^/]+)$/, (m) => scenarioPage(decodeURIComponent(m[1]))],
  [/^\/sessions$/, () => sessionsPage()],
  [/^\/sessions\/([^/]+)$/, (m) => sessionPage(decodeURIComponent(m[1]))],
  [/^\/traces\/([^/]+)$/, (m) => tracePage(decodeURIComponent(m[1]))],
  [/^\/versions$/, () => versionsPage()],
  [/^\/interlocutors\/([^/]+)$/, (m) => interlocutorPage(decodeURIComponent(m[1]))],
  [/^\/tools$/, () => toolsPage()],
  [/^\/keys$/, () => keysPage()],
  [/^\/audit$/, () => auditPage()],
];

export function notify(message, kind = 'ok') {
  clear(statusEl);
  statusEl.className = `status ${kind}`;
  statusEl.append(message);
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => {
    clear(statusEl);
    statusEl.className = 'status';
  }, 5000);
}

export function go(path) {
  if (location.hash === `#${path}`) render();
  else location.hash = `#${path}`;
}

export async function refreshAgents(selected) {
  const picker = document.getElementById('agent-picker');
  const page = await get('/api/agents?limit=500');
  const names = page.items.map((a) => a.name);
  let current = selected || session.agent();
  if (!names.includes(current)) current = names[0] || null;
  session.setAgent(current);
  clear(picker);
  if (!names.length) picker.append(h('option', { value: '' }, '(no agent yet)'));
  for (const name of names) picker.append(h('option', { value: name, selected: name === current }, name));
  picker.disabled = !names.length;
  return current;
}

function chrome(signedIn) {
  document.getElementById('top').hidden = !signedIn;
  if (!signedIn) return;
  const me = session.me();
  document.getElementById('identity').textContent = me ? `${me.tenant} · ${me.role}` : '';
  const section = location.hash.replace(/^#\//, '').split('/')[0];
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.section === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

let agentsLoaded = false;

async function render() {
  const path = (location.hash || '#/agents').slice(1);
  if (!session.key()) {
    chrome(false);
    agentsLoaded = false;
    clear(main).append(signInPage(async () => {
      await refreshAgents();
      agentsLoaded = true;
      go('/agents');
    }));
    return;
  }
  chrome(true);
  const route = routes.find(([re]) => re.test(path));
  clear(main).append(h('p', { class: 'loading' }, 'Loading…'));
  try {
    if (!agentsLoaded) {
      await refreshAgents();
      agentsLoaded = true;
    }
    // Links such as an agent's "Rules" choose the agent before the page shows.
    if (session.agent()) document.getElementById('agent-picker').value = session.agent();
    const view = route ? await route[1](path.match(route[0])) : h('div', null, h('h1', null, 'Not found'),
      h('p', null, 'No page at this address. ', h('a', { href: '#/agents' }, 'Go to the agents.')));
    clear(main).append(view);
    const heading = main.querySelector('h1');
    if (heading) document.title = `${heading.textContent} · Ruche console`;
  } catch (err) {
    clear(main).append(h('h1', null, 'Something went wrong'), errorBox(err),
      h('p', null, h('a', { href: '#/agents' }, 'Back to the agents')));
  }
}

whenUnauthorized(() => {
  session.signOut();
  notify('Your key is no longer accepted; sign in again.', 'error');
  render();
});

document.getElementById('sign-out').addEventListener('click', () => {
  session.signOut();
  location.hash = '#/agents';
  render();
});

document.getElementById('agent-picker').addEventListener('change', (e) => {
  session.setAgent(e.target.value);
  const section = location.hash.replace(/^#\//, '').split('/')[0];
  go(`/${['rules', 'scenarios', 'sessions', 'tools', 'versions'].includes(section) ? section : 'rules'}`);
});

window.addEventListener('hashchange', render);
render();

export { enc };
