// Tenants: list and search, create (id, name, preset), rename, delete with confirmation.
import {del, get, patch, post, seg} from '../api.js';
import {announce, confirmDialog, empty, errorBox, field, h, replace, time} from '../dom.js';

export const PRESETS = ['standard', 'minimal-users', 'app-roles', 'enterprise-toolkit'];
const TENANT_ID = /^[a-z0-9-]{3,63}$/;
const PAGE = 1000;

export async function renderTenants(main) {
  const list = h('div', {id: 'tenant-list'}, h('p', {}, 'Loading tenants…'));
  replace(main, h('h1', {}, 'Tenants'), createForm(), h('section', {'aria-labelledby': 'all-tenants'},
      h('h2', {id: 'all-tenants'}, 'All tenants'), list));
  await load(list);
}

function createForm() {
  const id = field('tenant-id', 'Tenant id', h('input', {name: 'id', required: true, autocomplete: 'off',
    spellcheck: 'false', maxlength: 63}), '3 to 63 of a-z, 0-9 and -; it is part of the SCIM URL and never reused.');
  const name = field('tenant-name', 'Display name', h('input', {name: 'displayName', maxlength: 200}),
      'Optional; defaults to the id.');
  const preset = field('tenant-preset', 'Profile preset', h('select', {name: 'profile'},
      PRESETS.map((p) => h('option', {value: p}, p))), 'What the tenant accepts; it can be changed later.');
  const problem = h('div');
  const form = h('form', {class: 'card', 'aria-labelledby': 'create-tenant'},
      h('h2', {id: 'create-tenant'}, 'Create a tenant'),
      h('div', {class: 'row'}, id.el, name.el, preset.el),
      problem, h('button', {type: 'submit', id: 'create-tenant-submit'}, 'Create tenant'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    id.error('');
    name.error('');
    replace(problem);
    const body = {id: id.control.value.trim(), profile: preset.control.value};
    if (!TENANT_ID.test(body.id)) {
      id.error('Use 3 to 63 characters: lower-case letters, digits and -.');
      id.control.focus();
      return;
    }
    if (name.control.value.trim()) {
      body.displayName = name.control.value.trim();
    }
    try {
      await post('/tenants', body);
      announce(`Tenant ${body.id} created. Issue its token next.`);
      location.hash = `#/tenants/${seg(body.id)}/connection`;
    } catch (e) {
      if (e.status === 409) {
        id.error('That id exists or existed (ids of deleted tenants are never reused). Choose another.');
        id.control.focus();
      } else if (e.status === 400 && /displayName/.test(e.detail || '')) {
        name.error(e.detail);
        name.control.focus();
      } else if (e.status === 400 && /\bid\b/.test(e.detail || '')) {
        id.error(e.detail);
        id.control.focus();
      } else {
        replace(problem, errorBox(e, 'Nothing was created. Correct the form or try again.'));
      }
    }
  });
  return form;
}

async function load(list) {
  let page;
  try {
    page = await get(`/tenants?count=${PAGE}`);
  } catch (e) {
    replace(list, errorBox(e, 'Reload the page to try again.'));
    return;
  }
  const tenants = page.Resources || [];
  if (tenants.length === 0) {
    replace(list, empty('No tenants yet. Create the first one above; the console then takes you to its token.'));
    return;
  }
  const search = h('input', {type: 'search', id: 'tenant-search', autocomplete: 'off'});
  const body = h('tbody');
  const count = h('p', {class: 'hint', 'aria-live': 'polite'});
  const show = () => {
    const term = search.value.trim().toLowerCase();
    const shown = tenants.filter((t) => !term || t.id.includes(term)
        || (t.displayName || '').toLowerCase().includes(term));
    replace(body, shown.map((t) => row(t, list)));
    replace(count, shown.length === tenants.length ? `${tenants.length} tenants`
        : `${shown.length} of ${tenants.length} tenants match`);
    if (shown.length === 0) {
      replace(body, h('tr', {}, h('td', {colspan: 5}, `No tenant matches "${search.value}". Clear the search.`)));
    }
  };
  search.addEventListener('input', show);
  replace(list,
      h('div', {class: 'field'}, h('label', {for: 'tenant-search'}, 'Search by id or name'), search),
      page.totalResults > tenants.length
        ? h('p', {class: 'notice'}, `Showing the first ${tenants.length} of ${page.totalResults} tenants (by id).`)
        : null,
      count,
      h('table', {}, h('caption', {class: 'offscreen'}, 'Tenants'),
          h('thead', {}, h('tr', {}, ['Id', 'Name', 'Profile', 'Created', 'Actions']
              .map((c) => h('th', {scope: 'col'}, c)))), body));
  show();
}

function row(tenant, list) {
  const nameCell = h('td', {}, tenant.displayName);
  const rename = h('button', {type: 'button', class: 'secondary', 'aria-label': `Rename ${tenant.id}`,
    onclick: () => renameInline(tenant, nameCell, rename)}, 'Rename');
  const remove = h('button', {type: 'button', class: 'danger', 'aria-label': `Delete ${tenant.id}`,
    onclick: () => deleteTenant(tenant, list)}, 'Delete');
  return h('tr', {'data-tenant': tenant.id},
      h('th', {scope: 'row'}, h('a', {href: `#/tenants/${seg(tenant.id)}`}, tenant.id)),
      nameCell, h('td', {}, tenant.profile), h('td', {}, time(tenant.created)),
      h('td', {class: 'actions'}, rename, remove));
}

function renameInline(tenant, cell, button) {
  const input = field(`rename-${tenant.id}`, `New name for ${tenant.id}`,
      h('input', {value: tenant.displayName, maxlength: 200}));
  const cancel = () => {
    replace(cell, tenant.displayName);
    button.focus();
  };
  const form = h('form', {class: 'inline'}, input.el, h('button', {type: 'submit'}, 'Save'),
      h('button', {type: 'button', class: 'secondary', onclick: cancel}, 'Cancel'));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      cancel();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const displayName = input.control.value.trim();
    if (!displayName) {
      input.error('A name cannot be blank.');
      return;
    }
    try {
      const updated = await patch(`/tenants/${seg(tenant.id)}`, {displayName});
      tenant.displayName = updated.displayName;
      cancel();
      announce(`Renamed ${tenant.id} to ${updated.displayName}.`);
    } catch (e) {
      input.error(e.summary());
    }
  });
  replace(cell, form);
  input.control.focus();
  input.control.select();
}

async function deleteTenant(tenant, list) {
  const confirmed = await confirmDialog({title: `Delete ${tenant.id}?`, danger: true, typed: tenant.id,
    confirmLabel: 'Delete tenant',
    message: 'Its tokens stop working at once on every gateway, its SCIM data is no longer served, and the id can '
      + 'never be used again.'});
  if (!confirmed) {
    return;
  }
  try {
    await del(`/tenants/${seg(tenant.id)}`);
    announce(`Tenant ${tenant.id} deleted.`);
    await load(list);
  } catch (e) {
    list.prepend(errorBox(e, 'The tenant was not deleted. Try again.'));
  }
}
