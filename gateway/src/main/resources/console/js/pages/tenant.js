// One tenant: its heading and tabs, and the tab's page below them.
import {get, seg} from '../api.js';
import {errorBox, h, replace, tabs} from '../dom.js';
import {renderConnection} from './connection.js';
import {renderLog} from './log.js';
import {renderOverview} from './overview.js';
import {renderPortals} from './portals.js';
import {renderProfile} from './profile.js';
import {renderWebhook, renderWebhooks} from './webhooks.js';

const TABS = [['overview', 'Overview'], ['connection', 'Connection & tokens'], ['profile', 'Profile'],
  ['portals', 'Portals'], ['log', 'Provisioning log'], ['webhooks', 'Webhooks']];

export async function renderTenant(main, id, tab, item) {
  const base = `#/tenants/${seg(id)}`;
  replace(main, h('p', {}, 'Loading…'));
  let tenant;
  try {
    tenant = await get(`/tenants/${seg(id)}`);
  } catch (e) {
    replace(main, h('h1', {}, id), errorBox(e, e.status === 404
      ? 'No such tenant: it may have been deleted, or the address is mistyped.' : 'Reload the page to try again.'),
    h('p', {}, h('a', {href: '#/tenants'}, 'Back to the tenants')));
    return null;
  }
  const content = h('div', {id: 'tab-content'});
  const links = TABS.map(([name, label]) => [name === 'overview' ? base : `${base}/${name}`, label]);
  const current = tab === 'overview' ? base : `${base}/${tab}`;
  replace(main,
      h('p', {class: 'crumbs'}, h('a', {href: '#/tenants'}, 'Tenants'), ' / ', tenant.id),
      h('h1', {}, tenant.displayName, ' ', h('span', {class: 'muted'}, `(${tenant.id})`)),
      tabs(links, current), content);
  const pages = {
    overview: () => renderOverview(content, tenant),
    connection: () => renderConnection(content, tenant),
    profile: () => renderProfile(content, tenant),
    portals: () => renderPortals(content, tenant, item || 'store'),
    log: () => renderLog(content, tenant),
    webhooks: () => (item ? renderWebhook(content, tenant, item) : renderWebhooks(content, tenant)),
  };
  if (!pages[tab]) {
    replace(content, errorBox('No such tab.', 'Choose one of the tabs above.'));
    return null;
  }
  return pages[tab]();
}
