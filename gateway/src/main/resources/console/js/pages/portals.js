// A tenant's portal behaviours: one page per portal, its settings above the state its behaviours keep.
import {get, put, query, seg} from '../api.js';
import {announce, errorBox, field, fieldOf, h, replace, tabs} from '../dom.js';
import {fillPolicies, renderDevicePolicies, renderDevices} from './devices.js';
import {renderCollaborators, renderEmployees, ROLES} from './portal-people.js';

const PORTALS = {store: 'Enterprise Store', dashboard: 'Dashboard', mdm: 'MDM Portal'};
const PAGES = {store: renderStore, dashboard: renderDashboard, mdm: renderMdm};
const LABELS = {
  'nothing': 'Nothing', 'create-employee': 'Create an employee', 'remove-employee': 'Remove the employee',
  'create-collaborator': 'Create a collaborator', 'remove-collaborator': 'Remove the collaborator',
  'unassign-devices': 'Unassign their devices', 'change-device-policy': 'Move their devices to a policy',
  'remove-user': 'Unassign their devices, remove the MDM user',
  'remove-user-and-devices': 'Remove their devices and the MDM user',
  'first-provisioning': 'First provisioning', 'continuous': 'Continuous',
};
const options = (values) => values.map((v) => [v, LABELS[v]]);

export async function renderPortals(content, tenant, portal) {
  const base = `/tenants/${seg(tenant.id)}`;
  const page = h('div', {id: 'portal-page'});
  replace(content, tabs(Object.entries(PORTALS).map(([p, label]) => [`#${base}/portals/${p}`, label]),
      `#${base}/portals/${portal}`, 'Portal'),
  h('p', {class: 'hint'}, 'A portal acts on the user and group events that arrive after its settings are saved; '
      + 'saving never rewrites what the portal already holds. Every option starts as nothing.'), page);
  if (!PAGES[portal]) {
    replace(page, errorBox('No such portal.', 'Choose one of the portals above.'));
    return null;
  }
  let settings;
  try {
    settings = await get(`${base}/portals/${portal}`);
  } catch (e) {
    replace(page, errorBox(e, 'Reload the page to try again.'));
    return null;
  }
  await PAGES[portal](page, base, settings);
  return null;
}

async function renderStore(page, base, settings) {
  const employees = h('div', {id: 'store-employees'});
  replace(page, storeForm(`${base}/portals/store`, settings), h('h2', {}, 'Employees'), employees);
  await renderEmployees(employees, base, 'store');
}

async function renderDashboard(page, base, settings) {
  const collaborators = h('div', {id: 'collaborators'});
  replace(page, dashboardForm(`${base}/portals/dashboard`, settings), h('h2', {}, 'Collaborators'), collaborators);
  await renderCollaborators(collaborators, base);
}

async function renderMdm(page, base, settings) {
  let policies;
  try {
    policies = (await get(`${base}/device-policies${query({count: 1000})}`)).Resources || [];
  } catch (e) {
    replace(page, errorBox(e, 'Reload the page to try again.'));
    return;
  }
  // device policies are chosen in the MDM settings and on devices: both follow the list when it changes
  const context = {policies, listeners: [], changed(list) {
    this.policies = list;
    this.listeners.forEach((listener) => listener(list));
  }};
  const lists = {employees: h('div', {id: 'mdm-employees'}), devices: h('div', {id: 'devices'}),
    policies: h('div', {id: 'device-policies'})};
  replace(page, mdmForm(`${base}/portals/mdm`, settings, context), h('h2', {}, 'MDM employees'), lists.employees,
      h('h2', {}, 'Devices'), lists.devices, h('h2', {}, 'Device policies'), lists.policies);
  await Promise.all([renderEmployees(lists.employees, base, 'mdm'), renderDevices(lists.devices, base, context),
    renderDevicePolicies(lists.policies, base, context)]);
}

function choice(id, label, values, value, hint) {
  const select = h('select', {}, values.map(([v, text]) => h('option', {value: v}, text)));
  select.value = value || '';
  return field(id, label, select, hint);
}

function storeForm(path, stored) {
  const fields = {
    onCreate: choice('store-onCreate', 'When a user is created', options(['nothing', 'create-employee']),
        stored.onCreate),
    onDeactivate: choice('store-onDeactivate', 'When a user is deactivated or deleted',
        options(['nothing', 'remove-employee']), stored.onDeactivate),
  };
  return settingsForm('store', 'Enterprise Store', path, fields, () => ({onCreate: fields.onCreate.control.value,
    onDeactivate: fields.onDeactivate.control.value}));
}

function dashboardForm(path, stored) {
  const mapping = roleMappingEditor(stored.roleMapping || {});
  const fields = {
    onCreate: choice('dashboard-onCreate', 'When a user is created', options(['nothing', 'create-collaborator']),
        stored.onCreate),
    onDeactivate: choice('dashboard-onDeactivate', 'When a user is deactivated or deleted',
        options(['nothing', 'remove-collaborator']), stored.onDeactivate),
    defaultRole: choice('dashboard-defaultRole', 'Default role', [['', 'None (an admin sets one)'],
      ...ROLES.filter((r) => r !== 'Unassigned').map((r) => [r, r])], stored.defaultRole,
    'The role of a collaborator none of whose groups is mapped.'),
    roleSync: choice('dashboard-roleSync', 'Role sync', options(['first-provisioning', 'continuous']),
        stored.roleSync, 'After the settle time, whether membership changes still change a role. A role set by '
          + 'hand never changes.'),
    roleMapping: mapping,
  };
  return settingsForm('dashboard', 'Dashboard', path, fields, () => {
    const roleMapping = mapping.value();
    if (!roleMapping) {
      return null;
    }
    const body = {onCreate: fields.onCreate.control.value, onDeactivate: fields.onDeactivate.control.value,
      roleSync: fields.roleSync.control.value, roleMapping};
    if (fields.defaultRole.control.value) {
      body.defaultRole = fields.defaultRole.control.value;
    }
    return body;
  });
}

function mdmForm(path, stored, context) {
  const policy = h('select', {});
  fillPolicies(policy, context.policies, 'None', stored.deactivationPolicyId || '');
  context.listeners.push((list) => fillPolicies(policy, list, 'None'));
  const fields = {
    onCreate: choice('mdm-onCreate', 'When a user is created', options(['nothing', 'create-employee']),
        stored.onCreate),
    onDeactivate: choice('mdm-onDeactivate', 'When a user is deactivated or deleted',
        options(['nothing', 'unassign-devices', 'change-device-policy', 'remove-user', 'remove-user-and-devices']),
        stored.onDeactivate),
    deactivationPolicyId: field('mdm-deactivationPolicyId', 'Deactivation policy', policy,
        'The device policy a deactivated user\'s devices move to (needed by "Move their devices to a policy").'),
  };
  return settingsForm('mdm', 'MDM Portal', path, fields, () => {
    const body = {onCreate: fields.onCreate.control.value, onDeactivate: fields.onDeactivate.control.value};
    if (policy.value) {
      body.deactivationPolicyId = policy.value;
    }
    return body;
  });
}

/** A settings form: saved as a whole document, the server's refusal shown at the field it names. */
function settingsForm(portal, title, path, fields, body) {
  const problem = h('div');
  const form = h('form', {class: 'card', 'aria-labelledby': `${portal}-settings`, novalidate: true},
      h('h2', {id: `${portal}-settings`}, `${title} behaviours`),
      h('div', {class: 'row'}, Object.values(fields).filter((f) => f.control.tagName === 'SELECT').map((f) => f.el)),
      Object.values(fields).filter((f) => f.control.tagName !== 'SELECT').map((f) => f.el), problem,
      h('div', {class: 'actions'}, h('button', {type: 'submit', id: `save-${portal}`}, `Save ${title} settings`)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(fields).forEach((f) => f.error(''));
    replace(problem);
    const document_ = body();
    if (!document_) {
      return;
    }
    try {
      await put(path, document_);
      announce(`${title} settings saved.`);
    } catch (e) {
      const at = e.status === 400 ? fieldOf(fields, e.detail || '') : null;
      if (at) {
        at.error(e.detail);
        at.control.focus();
      } else {
        replace(problem, errorBox(e, 'Nothing was saved. Correct the settings and save again.'));
      }
    }
  });
  return form;
}

/** The role-mapping table as a field: rows of IdP group displayName and role, added and removed in place. */
function roleMappingEditor(mapping) {
  const id = 'dashboard-roleMapping';
  const rows = h('tbody', {});
  const none = h('p', {class: 'hint'}, 'No group is mapped: every collaborator gets the default role.');
  const errorEl = h('p', {class: 'field-error', id: `${id}-error`, hidden: true});
  let count = 0;
  const refresh = () => {
    none.hidden = rows.children.length > 0;
  };
  const add = (group, role) => {
    count += 1;
    const name = h('input', {id: `mapping-${count}-group`, class: 'mapping-group', value: group, maxlength: 256,
      spellcheck: 'false', autocomplete: 'off', 'aria-describedby': `${id}-error`});
    const select = h('select', {id: `mapping-${count}-role`, class: 'mapping-role'},
        ROLES.map((r) => h('option', {value: r}, r)));
    select.value = role;
    const row = h('tr', {'data-mapping': ''},
        h('td', {}, h('label', {for: name.id, class: 'offscreen'}, `IdP group displayName, row ${count}`), name),
        h('td', {}, h('label', {for: select.id, class: 'offscreen'}, `Role, row ${count}`), select),
        h('td', {}, h('button', {type: 'button', class: 'danger', 'aria-label': `Remove mapping row ${count}`,
          onclick: () => {
            row.remove();
            refresh();
            addButton.focus();
          }}, 'Remove')));
    rows.append(row);
    refresh();
    return name;
  };
  const addButton = h('button', {type: 'button', class: 'secondary', id: 'add-mapping',
    onclick: () => add('', 'Viewer').focus()}, 'Add a group');
  Object.entries(mapping).forEach(([group, role]) => add(group, role));
  const inputs = () => [...rows.querySelectorAll('input.mapping-group')];
  let invalid = null;
  const editor = {
    el: h('fieldset', {class: 'mapping'}, h('legend', {}, 'Role mapping'),
        h('p', {class: 'hint', id: `${id}-hint`}, 'IdP group displayName, exactly as the IdP spells it, to a '
            + 'role. A collaborator in several mapped groups gets the highest role (Admin > Developer/Editor > '
            + 'Viewer > Unassigned).'),
        h('table', {id: 'role-mapping'}, h('caption', {class: 'offscreen'}, 'Role mapping'),
            h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'IdP group displayName'),
                h('th', {scope: 'col'}, 'Role'), h('th', {scope: 'col'}, h('span', {class: 'offscreen'}, 'Actions')))),
            rows),
        none, errorEl, h('div', {class: 'actions'}, addButton)),
    get control() {
      return invalid || inputs()[0] || addButton;
    },
    error(message) {
      errorEl.textContent = message || '';
      errorEl.hidden = !message;
      inputs().forEach((input) => input.removeAttribute('aria-invalid'));
      const named = message && message.match(/^roleMapping\.(.+?) must be/);
      invalid = message ? inputs().find((input) => (named ? input.value === named[1] : !input.value.trim())) || null
        : null;
      if (invalid) {
        invalid.setAttribute('aria-invalid', 'true');
      }
    },
    /** The mapping as an object; null (with the error shown) when a group appears twice. */
    value() {
      const result = {};
      for (const row of rows.children) {
        const group = row.querySelector('input').value;
        if (Object.hasOwn(result, group)) {
          editor.error(`The group "${group}" appears twice; a group maps to one role.`);
          invalid = row.querySelector('input');
          invalid.setAttribute('aria-invalid', 'true');
          invalid.focus();
          return null;
        }
        result[group] = row.querySelector('select').value;
      }
      return result;
    },
  };
  refresh();
  return editor;
}
