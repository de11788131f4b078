// The tenant's profile: what each resource type accepts and requires, as a table; a preset or an edited document.
import {get, put, seg} from '../api.js';
import {announce, confirmDialog, errorBox, field, h, replace} from '../dom.js';
import {PRESETS} from './tenants.js';

const RESOURCES = [['users', 'Users'], ['groups', 'Groups']];
const LISTS = [['accepted', 'Accepted attributes', 'One path per line; empty: every attribute of the schema '
  + '(id and externalId are always kept).'], ['required', 'Required', 'Paths that must hold a value, one per line.'],
['unique', 'Unique in the tenant', 'Paths whose values must not repeat (case-insensitively), one per line.']];
const MAPS = [['allowedValues', 'Allowed values', 'One rule per line: path = value, value, …'],
  ['patterns', 'Patterns', 'One rule per line: path = regular expression (matched in full).']];

export async function renderProfile(content, tenant) {
  const path = `/tenants/${seg(tenant.id)}/profile`;
  let profile;
  try {
    profile = await get(path);
  } catch (e) {
    replace(content, errorBox(e, 'Reload the page to try again.'));
    return null;
  }
  const view = () => {
    replace(content, presetForm(path, (p) => {
      profile = p;
      view();
    }), h('section', {'aria-labelledby': 'profile-title'},
        h('h2', {id: 'profile-title'}, `Profile: ${profile.name || 'custom'}`),
        profile.description ? h('p', {}, profile.description) : null,
        RESOURCES.map(([key, label]) => rulesTable(label, profile[key] || {})),
        extensions(profile.userExtensions || []),
        h('button', {type: 'button', id: 'edit-profile', onclick: () => edit(content, path, profile, (p) => {
          profile = p;
          view();
        }, view)}, 'Edit the rules')));
  };
  view();
  return null;
}

function presetForm(path, applied) {
  const preset = field('profile-preset', 'Preset', h('select', {}, PRESETS.map((p) => h('option', {value: p}, p))));
  const problem = h('div');
  const form = h('form', {class: 'card', 'aria-labelledby': 'apply-preset'},
      h('h2', {id: 'apply-preset'}, 'Apply a preset'),
      h('div', {class: 'actions'}, preset.el, h('button', {type: 'submit'}, 'Apply preset')), problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!await confirmDialog({title: `Apply ${preset.control.value}?`, confirmLabel: 'Apply',
      message: 'It replaces the whole profile; writes from then on are checked against it.'})) {
      return;
    }
    try {
      applied(await put(path, {preset: preset.control.value}));
      announce(`Preset ${preset.control.value} applied.`);
    } catch (e) {
      replace(problem, errorBox(e, 'The profile is unchanged.'));
    }
  });
  return form;
}

function rulesTable(label, rules) {
  const list = (values) => (values && values.length ? h('ul', {class: 'plain'},
      values.map((v) => h('li', {}, h('code', {}, v)))) : null);
  const map = (values) => {
    const entries = Object.entries(values || {});
    return entries.length ? h('ul', {class: 'plain'}, entries.map(([p, v]) => h('li', {}, h('code', {}, p), ' = ',
        h('code', {}, Array.isArray(v) ? v.join(', ') : v)))) : null;
  };
  const rows = [
    ['Enabled', rules.enabled === false ? 'No: this resource type answers 403' : 'Yes'],
    ['Accepted attributes', list(rules.accepted) || 'every attribute of the schema'],
    ['Other attributes', rules.rejectOthers ? 'refused with 400 invalidValue' : 'dropped silently'],
    ['Required', list(rules.required) || 'nothing beyond the schema'],
    ['Allowed values', map(rules.allowedValues) || 'any'],
    ['Patterns', map(rules.patterns) || 'none'],
    ['Unique in the tenant', list(rules.unique) || 'nothing beyond the schema'],
  ];
  return h('table', {class: 'rules'}, h('caption', {}, label),
      h('tbody', {}, rows.map(([name, value]) => h('tr', {}, h('th', {scope: 'row'}, name), h('td', {}, value)))));
}

function extensions(list) {
  if (!list.length) {
    return h('p', {class: 'hint'}, 'No User extension schemas.');
  }
  return h('table', {class: 'rules'}, h('caption', {}, 'User extension schemas'),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Schema'), h('th', {scope: 'col'}, 'Attributes'))),
      h('tbody', {}, list.map((s) => h('tr', {}, h('th', {scope: 'row'}, h('code', {}, s.id)),
          h('td', {}, (s.attributes || []).map((a) => `${a.name} (${a.type || 'string'})`).join(', ') || '—')))));
}

/** The rules as a form: one field per rule, errors shown at the field that caused them, the server's ones too. */
function edit(content, path, profile, saved, cancel) {
  const fields = {};
  const sections = RESOURCES.map(([key, label]) => {
    const rules = profile[key] || {};
    const enabled = h('input', {type: 'checkbox', id: `${key}-enabled`, checked: rules.enabled !== false});
    const reject = h('input', {type: 'checkbox', id: `${key}-rejectOthers`, checked: Boolean(rules.rejectOthers)});
    const text = (id, label, hint, value) => {
      const f = field(id, label, h('textarea', {rows: 3, spellcheck: 'false'}), hint);
      f.control.value = value;
      fields[id] = f;
      return f.el;
    };
    return h('fieldset', {class: 'card'}, h('legend', {}, label),
        h('label', {class: 'check'}, enabled, ' Enabled (unchecked: this resource type answers 403)'),
        h('label', {class: 'check'}, reject, ' Refuse attributes that are not accepted (otherwise dropped)'),
        LISTS.map(([name, l, hint]) => text(`${key}-${name}`, l, hint, (rules[name] || []).join('\n'))),
        MAPS.map(([name, l, hint]) => text(`${key}-${name}`, l, hint, Object.entries(rules[name] || {})
            .map(([p, v]) => `${p} = ${Array.isArray(v) ? v.join(', ') : v}`).join('\n'))));
  });
  // edited rules are no longer the preset's, so a preset's name is not carried over
  const name = field('profile-name', 'Profile name', h('input', {maxlength: 200,
    value: PRESETS.includes(profile.name) ? '' : profile.name}), 'Blank: custom.');
  const problem = h('div', {id: 'profile-problem'});
  const form = h('form', {'aria-labelledby': 'edit-profile-title', novalidate: true},
      h('h2', {id: 'edit-profile-title'}, `Edit the rules of ${profile.name || 'the custom profile'}`),
      h('p', {class: 'hint'}, 'Saved as a custom profile document; extension schemas are kept as they are.'),
      name.el, sections, problem,
      h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'save-profile'}, 'Save profile'),
          h('button', {type: 'button', class: 'secondary', onclick: cancel}, 'Cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    Object.values(fields).forEach((f) => f.error(''));
    replace(problem);
    const document_ = {name: name.control.value.trim(),
      description: PRESETS.includes(profile.name) ? '' : profile.description,
      userExtensions: profile.userExtensions || []};
    const invalid = [];
    for (const [key] of RESOURCES) {
      const rules = {enabled: form.querySelector(`#${key}-enabled`).checked,
        rejectOthers: form.querySelector(`#${key}-rejectOthers`).checked};
      for (const [name] of LISTS) {
        rules[name] = lines(fields[`${key}-${name}`].control.value);
      }
      for (const [name] of MAPS) {
        const f = fields[`${key}-${name}`];
        const parsed = rulesOf(f.control.value, name === 'allowedValues');
        if (parsed.error) {
          f.error(parsed.error);
          invalid.push(f);
        }
        rules[name] = parsed.rules;
      }
      document_[key] = rules;
    }
    if (invalid.length) {
      invalid[0].control.focus();
      return;
    }
    try {
      saved(await put(path, document_));
      announce('Profile saved.');
    } catch (e) {
      const at = e.status === 400 ? culprit(fields, e.detail || '') : null;
      if (at) {
        at.error(e.detail);
        at.control.focus();
      } else {
        replace(problem, errorBox(e, 'The profile is unchanged. Correct the rules and save again.'));
      }
    }
  });
  replace(content, form);
  name.control.focus();
}

function lines(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** "path = a, b" lines as an object; the first line that is not of that form is the error. */
function rulesOf(text, listValued) {
  const rules = {};
  for (const [index, line] of lines(text).entries()) {
    const at = line.indexOf('=');
    const name = at < 0 ? '' : line.slice(0, at).trim();
    const value = at < 0 ? '' : line.slice(at + 1).trim();
    if (!name || !value) {
      return {rules, error: `Line ${index + 1} ("${line}") needs the form: path = ${listValued ? 'value, value'
        : 'regular expression'}.`};
    }
    if (listValued) {
      rules[name] = value.split(',').map((v) => v.trim()).filter(Boolean);
    } else {
      try {
        new RegExp(value);
      } catch (e) {
        return {rules, error: `Line ${index + 1}: "${value}" is not a valid regular expression.`};
      }
      rules[name] = value;
    }
  }
  return {rules};
}

/** The field a server refusal is about: the one its detail names ("users.patterns..."), or holding a path it quotes. */
function culprit(fields, detail) {
  for (const [id, f] of Object.entries(fields)) {
    const [resource, rule] = id.split('-');
    if (detail.includes(`${resource}.${rule}`)) {
      return f;
    }
  }
  const quoted = [...detail.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  for (const f of Object.values(fields)) {
    const paths = lines(f.control.value).map((l) => l.split('=')[0].trim());
    if (quoted.some((q) => paths.includes(q))) {
      return f;
    }
  }
  return null;
}
