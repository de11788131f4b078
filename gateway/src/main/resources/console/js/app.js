// The console's shell: log in, then a hash router over the pages; every page renders into <main>.
import {currentSession, login, logout, whenLoggedOut} from './api.js';
import {announce, errorBox, field, h, replace} from './dom.js';
import {renderTenants} from './pages/tenants.js';
import {renderTenant} from './pages/tenant.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const logoutButton = document.getElementById('logout');
let cleanup = null;

const ROUTES = [
  [/^#\/tenants$/, () => renderTenants(main)],
  [/^#\/tenants\/([^/]+)(?:\/([a-z-]+))?(?:\/([^/]+))?$/, (m) => renderTenant(main, decodeURIComponent(m[1]),
      m[2] || 'overview', m[3] && decodeURIComponent(m[3]))],
];

async function route() {
  document.getElementById('status').textContent = '';
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  const hash = location.hash || '#/tenants';
  for (const [pattern, render] of ROUTES) {
    const match = hash.match(pattern);
    if (match) {
      cleanup = (await render(match)) || null;
      focusHeading();
      return;
    }
  }
  replace(main, h('h1', {}, 'No such page'),
      h('p', {}, 'This address names no console page. ', h('a', {href: '#/tenants'}, 'Go to the tenants.')));
  focusHeading();
}

function focusHeading() {
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
    document.title = `${heading.textContent} · scimbus console`;
  }
}

function showLogin(message) {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  nav.hidden = true;
  logoutButton.hidden = true;
  const secret = field('admin-secret', 'Admin secret',
      h('input', {type: 'password', name: 'secret', autocomplete: 'current-password', required: true}),
      'The value of SCIMBUS_ADMIN_TOKEN. It is sent once; the browser then keeps an HttpOnly session cookie for 8 hours.');
  const problem = h('div', {'aria-live': 'assertive'});
  const form = h('form', {class: 'login', 'aria-labelledby': 'login-title'},
      h('h1', {id: 'login-title'}, 'Log in to the scimbus console'),
      message ? h('p', {class: 'notice'}, message) : null,
      secret.el, problem,
      h('button', {type: 'submit', id: 'login-submit'}, 'Log in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    secret.error('');
    replace(problem);
    if (!secret.control.value.trim()) {
      secret.error('Enter the admin secret.');
      secret.control.focus();
      return;
    }
    try {
      await login(secret.control.value);
      secret.control.value = '';
      start();
    } catch (e) {
      if (e.status === 401) {
        secret.error('That is not the admin secret. Check SCIMBUS_ADMIN_TOKEN (./scimbus up writes it to '
            + '.scimbus/scimbus.env).');
        secret.control.focus();
      } else if (e.status === 503) {
        replace(problem, errorBox(e, 'Set SCIMBUS_ADMIN_TOKEN on the gateway and restart it.'));
      } else {
        replace(problem, errorBox(e, 'Try again; if it persists, check the gateway log.'));
      }
    }
  });
  replace(main, form);
  secret.control.focus();
}

async function start() {
  nav.hidden = false;
  logoutButton.hidden = false;
  await route();
}

logoutButton.addEventListener('click', async () => {
  try {
    await logout();
  } finally {
    showLogin('You are logged out.');
  }
});
whenLoggedOut(() => showLogin('Your session ended. Log in again to go on.'));
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#/') && !nav.hidden) {
    route();
  }
});
document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

(async () => {
  try {
    if (await currentSession()) {
      await start();
    } else {
      showLogin();
    }
  } catch (e) {
    replace(main, h('h1', {}, 'The console cannot start'), errorBox(e, 'Reload the page once the gateway answers.'));
    announce('The console cannot start.');
  }
})();
