// MDM devices (register, assign, change policy, delete) and device policies (create, delete).
import {del, get, patch, post, query, seg} from '../api.js';
import {announce, confirmDialog, empty, errorBox, field, fieldOf, h, replace, time} from '../dom.js';
import {more, refreshButton} from './portal-people.js';

/** Fills a policy select from the list, keeping its choice while that policy exists. */
export function fillPolicies(select, policies, none, chosen) {
  const value = chosen === undefined ? select.value : chosen;
  replace(select, h('option', {value: ''}, policies.length ? none : `${none} (no device policy yet: create one below)`),
      policies.map((p) => h('option', {value: p.id}, p.name)));
  select.value = policies.some((p) => p.id === value) ? value : '';
}

export async function renderDevices(container, base, context) {
  const problem = h('div', {'aria-live': 'polite'});
  const list = h('div', {id: 'device-list'});
  const users = h('datalist', {id: 'mdm-user-ids'});
  const reload = () => listDevices(list, base, context, problem, users);
  const form = deviceForm(base, context, reload);
  context.listeners.push(() => reload());
  replace(container, users, form, problem, list);
  await reload();
}

function deviceForm(base, context, reload) {
  const fields = {
    name: field('device-name', 'Name', h('input', {maxlength: 256, autocomplete: 'off'}), 'Such as "Ada\'s laptop".'),
    serial: field('device-serial', 'Serial number', h('input', {maxlength: 256, autocomplete: 'off',
      spellcheck: 'false'}), 'Unique in the tenant.'),
    assignedUserId: field('device-user', 'Assigned user id', h('input', {list: 'mdm-user-ids', autocomplete: 'off',
      spellcheck: 'false'}), 'Optional: a user\'s SCIM id (the MDM employees are suggested).'),
    policyId: field('device-policy', 'Device policy', h('select', {}), 'Optional.'),
  };
  const fill = (policies) => fillPolicies(fields.policyId.control, policies, 'None');
  fill(context.policies);
  context.listeners.push(fill);
  const problem = h('div');
  const form = h('form', {class: 'card', 'aria-labelledby': 'register-device', novalidate: true},
      h('h3', {id: 'register-device'}, 'Register a device'),
      h('div', {class: 'row'}, Object.values(fields).map((f) => f.el)), problem,
      h('button', {type: 'submit', id: 'register-device-submit'}, 'Register device'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(fields).forEach((f) => f.error(''));
    replace(problem);
    const body = {name: fields.name.control.value.trim(), serial: fields.serial.control.value.trim()};
    for (const [name, message] of [['name', 'Enter a name.'], ['serial', 'Enter the serial number.']]) {
      if (!body[name]) {
        fields[name].error(message);
        fields[name].control.focus();
        return;
      }
    }
    if (fields.assignedUserId.control.value.trim()) {
      body.assignedUserId = fields.assignedUserId.control.value.trim();
    }
    if (fields.policyId.control.value) {
      body.policyId = fields.policyId.control.value;
    }
    try {
      await post(`${base}/devices`, body);
      form.reset();
      announce(`Device ${body.name} registered.`);
      await reload();
    } catch (e) {
      const at = e.status === 409 ? fields.serial : e.status === 400 ? fieldOf(fields, e.detail || '') : null;
      if (at) {
        at.error(e.detail);
        at.control.focus();
      } else {
        replace(problem, errorBox(e, 'No device was registered. Correct the form or try again.'));
      }
    }
  });
  return form;
}

async function listDevices(list, base, context, problem, users) {
  let page;
  let employees;
  try {
    [page, employees] = await Promise.all([get(`${base}/devices${query({count: 1000})}`),
      get(`${base}/employees${query({portal: 'mdm', count: 1000})}`)]);
  } catch (e) {
    replace(list, errorBox(e, 'Reload the page to try again.'));
    return;
  }
  const names = new Map((employees.Resources || []).map((e) => [e.userId, e.userName]));
  replace(users, [...names].map(([id, name]) => h('option', {value: id}, name)));
  const devices = page.Resources || [];
  const reload = () => listDevices(list, base, context, problem, users);
  const refresh = refreshButton('refresh-devices', 'Refresh the devices', reload);
  if (devices.length === 0) {
    replace(list, empty('No device. Register one above and assign it to a user: the MDM Portal\'s deactivation '
        + 'behaviour then acts on it.', refresh));
    return;
  }
  const act = async (what, call) => {
    replace(problem);
    try {
      await call();
      announce(what);
      await reload();
    } catch (e) {
      replace(problem, errorBox(e, 'The device is unchanged. Correct the value or try again.'));
    }
  };
  replace(list, more(page, devices), h('table', {}, h('caption', {class: 'offscreen'}, 'Devices, oldest first'),
      h('thead', {}, h('tr', {}, ['Name', 'Serial', 'Assigned to', 'Policy', 'Registered', 'Actions']
          .map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, devices.map((d) => {
        const path = `${base}/devices/${seg(d.id)}`;
        return h('tr', {'data-device': d.id},
            h('th', {scope: 'row'}, d.name), h('td', {}, h('code', {}, d.serial)),
            h('td', {}, assignForm(d, names, (userId) => act(userId ? `${d.name} assigned.` : `${d.name} unassigned.`,
                () => patch(path, {assignedUserId: userId})))),
            h('td', {}, policyForm(d, context.policies, (policyId) => act(`${d.name}'s policy changed.`,
                () => patch(path, {policyId})))),
            h('td', {}, time(d.created)),
            h('td', {}, h('button', {type: 'button', class: 'danger', 'aria-label': `Delete device ${d.name}`,
              onclick: async () => {
                if (await confirmDialog({title: `Delete ${d.name}?`, danger: true, confirmLabel: 'Delete device',
                  message: `The device ${d.name} (serial ${d.serial}) is removed from the MDM Portal.`})) {
                  await act(`${d.name} deleted.`, () => del(path));
                }
              }}, 'Delete')));
      }))), refresh);
}

function assignForm(device, names, assign) {
  const id = `assign-${device.id}`;
  const input = h('input', {id, list: 'mdm-user-ids', value: device.assignedUserId || '', autocomplete: 'off',
    spellcheck: 'false', placeholder: 'not assigned'});
  const form = h('form', {class: 'inline'},
      h('div', {class: 'field'}, h('label', {for: id}, `User id ${device.name} is assigned to (blank: nobody)`),
          input),
      h('button', {type: 'submit', class: 'secondary'}, 'Assign'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    assign(input.value.trim() || null);
  });
  const name = device.assignedUserId && names.get(device.assignedUserId);
  return [form, name ? h('p', {class: 'hint'}, name) : null];
}

function policyForm(device, policies, change) {
  const id = `policy-${device.id}`;
  const select = h('select', {id});
  fillPolicies(select, policies, 'None', device.policyId || '');
  const form = h('form', {class: 'inline'},
      h('div', {class: 'field'}, h('label', {for: id}, `Policy of ${device.name}`), select),
      h('button', {type: 'submit', class: 'secondary'}, 'Set policy'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    change(select.value || null);
  });
  return form;
}

export async function renderDevicePolicies(container, base, context) {
  const path = `${base}/device-policies`;
  const name = field('device-policy-name', 'Name', h('input', {maxlength: 256, autocomplete: 'off'}),
      'Such as "locked" or "wiped on return".');
  const problem = h('div', {'aria-live': 'polite'});
  const list = h('div', {id: 'device-policy-list'});
  const changed = async () => {
    context.changed((await get(`${path}${query({count: 1000})}`)).Resources || []);
  };
  context.listeners.push((policies) => listPolicies(list, path, policies, problem, changed));
  const form = h('form', {class: 'card', 'aria-labelledby': 'create-device-policy', novalidate: true},
      h('h3', {id: 'create-device-policy'}, 'Create a device policy'), name.el,
      h('button', {type: 'submit', id: 'create-device-policy-submit'}, 'Create policy'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    name.error('');
    replace(problem);
    if (!name.control.value.trim()) {
      name.error('Enter a name.');
      name.control.focus();
      return;
    }
    try {
      await post(path, {name: name.control.value.trim()});
      announce(`Device policy ${name.control.value.trim()} created.`);
      form.reset();
      await changed();
    } catch (e) {
      if (e.status === 400) {
        name.error(e.detail);
        name.control.focus();
      } else {
        replace(problem, errorBox(e, 'No policy was created. Try again.'));
      }
    }
  });
  replace(container, form, problem, list);
  listPolicies(list, path, context.policies, problem, changed);
}

function listPolicies(list, path, policies, problem, changed) {
  if (policies.length === 0) {
    replace(list, empty('No device policy. Create one above to put devices on it, or to have the MDM Portal move a '
        + 'deactivated user\'s devices to it.'));
    return;
  }
  replace(list, h('table', {}, h('caption', {class: 'offscreen'}, 'Device policies, oldest first'),
      h('thead', {}, h('tr', {}, ['Name', 'Id', 'Created', 'Actions'].map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, policies.map((p) => h('tr', {'data-device-policy': p.id},
          h('th', {scope: 'row'}, p.name), h('td', {}, h('code', {}, p.id)), h('td', {}, time(p.created)),
          h('td', {}, h('button', {type: 'button', class: 'danger', 'aria-label': `Delete device policy ${p.name}`,
            onclick: async () => {
              if (!await confirmDialog({title: `Delete ${p.name}?`, danger: true, confirmLabel: 'Delete policy',
                message: `The device policy ${p.name} is deleted.`})) {
                return;
              }
              replace(problem);
              try {
                await del(`${path}/${seg(p.id)}`);
                announce(`Device policy ${p.name} deleted.`);
                await changed();
              } catch (e) {
                replace(problem, errorBox(e, e.status === 409 ? 'Move its devices to another policy, or choose '
                  + 'another deactivation policy in the MDM Portal settings, first.' : 'Try again.'));
              }
            }}, 'Delete')))))));
}
