// The people the portal behaviours keep: employees (Enterprise Store, MDM Portal) and Dashboard collaborators,
// whose role an admin can set by hand.
import {get, patch, query, seg} from '../api.js';
import {announce, empty, errorBox, h, replace, time} from '../dom.js';

/** Dashboard roles, highest first. */
export const ROLES = ['Admin', 'Developer/Editor', 'Viewer', 'Unassigned'];
const SOURCES = {default: 'default role', groups: 'mapped groups', admin: 'set by an admin'};
const PORTALS = {store: 'Enterprise Store', mdm: 'MDM Portal'};

export async function renderEmployees(container, base, portal) {
  const reload = () => renderEmployees(container, base, portal);
  let page;
  try {
    page = await get(`${base}/employees${query({portal, count: 1000})}`);
  } catch (e) {
    replace(container, errorBox(e, 'Reload the page to try again.'));
    return;
  }
  const employees = page.Resources || [];
  const refresh = refreshButton(`refresh-${portal}-employees`, `Refresh the ${PORTALS[portal]} employees`, reload);
  if (employees.length === 0) {
    replace(container, empty(`No ${PORTALS[portal]} employee. With "When a user is created" set to Create an `
        + 'employee, every user the IdP creates from then on appears here.', refresh));
    return;
  }
  replace(container, more(page, employees), h('table', {}, h('caption', {class: 'offscreen'},
      `${PORTALS[portal]} employees, oldest first`),
  h('thead', {}, h('tr', {}, ['userName', 'User id', 'Web access role', 'Created']
      .map((c) => h('th', {scope: 'col'}, c)))),
  h('tbody', {}, employees.map((e) => h('tr', {'data-employee': e.userId},
      h('td', {}, e.userName || '—'), h('td', {}, h('code', {}, e.userId)),
      h('td', {}, e.webAccessRole || 'app login only'), h('td', {}, time(e.created)))))), refresh);
}

export async function renderCollaborators(container, base) {
  const reload = () => renderCollaborators(container, base);
  let page;
  try {
    page = await get(`${base}/collaborators${query({count: 1000})}`);
  } catch (e) {
    replace(container, errorBox(e, 'Reload the page to try again.'));
    return;
  }
  const collaborators = page.Resources || [];
  const refresh = refreshButton('refresh-collaborators', 'Refresh the collaborators', reload);
  if (collaborators.length === 0) {
    replace(container, empty('No collaborator. With "When a user is created" set to Create a collaborator, every '
        + 'user the IdP creates from then on appears here, with the role of its mapped groups.', refresh));
    return;
  }
  const problem = h('div', {'aria-live': 'polite'});
  replace(container, more(page, collaborators), problem, h('table', {},
      h('caption', {class: 'offscreen'}, 'Dashboard collaborators, oldest first'),
      h('thead', {}, h('tr', {}, ['userName', 'User id', 'Role', 'Role from', 'Web access role', 'Set the role']
          .map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, collaborators.map((c) => h('tr', {'data-collaborator': c.userId},
          h('td', {}, c.userName || '—'), h('td', {}, h('code', {}, c.userId)),
          h('td', {class: 'role'}, c.role || 'none'), h('td', {class: 'role-source'}, SOURCES[c.roleSource] || '—'),
          h('td', {}, c.webAccessRole || 'app login only'),
          h('td', {}, roleForm(base, c, problem, reload)))))), refresh);
}

function roleForm(base, collaborator, problem, reload) {
  const id = `role-${collaborator.userId}`;
  const select = h('select', {id}, ROLES.map((r) => h('option', {value: r}, r)));
  select.value = collaborator.role || 'Viewer';
  const form = h('form', {class: 'inline'},
      h('div', {class: 'field'}, h('label', {for: id}, `Role of ${collaborator.userName || collaborator.userId}`),
          select),
      h('button', {type: 'submit', class: 'secondary'}, 'Set'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(problem);
    try {
      await patch(`${base}/collaborators/${seg(collaborator.userId)}`, {role: select.value});
      announce(`${collaborator.userName || collaborator.userId} is now ${select.value}; group changes no longer `
          + 'change it.');
      await reload();
    } catch (e) {
      replace(problem, errorBox(e, e.status === 404 ? 'The collaborator was removed meanwhile.'
        : 'The role is unchanged. Try again.'));
    }
  });
  return form;
}

export function refreshButton(id, label, reload) {
  return h('div', {class: 'actions'}, h('button', {type: 'button', class: 'secondary', id, 'aria-label': label,
    onclick: async () => {
      await reload();
      announce('Refreshed.');
    }}, 'Refresh'));
}

/** Says when a list shows only the first page. */
export function more(page, shown) {
  return page.totalResults > shown.length
    ? h('p', {class: 'hint'}, `Showing the first ${shown.length} of ${page.totalResults}.`) : null;
}
