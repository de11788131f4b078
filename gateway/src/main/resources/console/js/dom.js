// Builds DOM from data without ever parsing it as HTML: every value ends up as a text node or an attribute.

/** h('tag', {attr: value, onclick: fn}, child, ...): strings and numbers become text, null/false are skipped. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'for') {
      el.htmlFor = value;
    } else if (name === 'value') {
      el.value = value;
    } else if (name === 'checked' || name === 'selected') {
      el[name] = Boolean(value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A local, readable time with the ISO instant as the machine-readable value. */
export function time(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return h('time', {datetime: iso, title: iso}, date.toLocaleString(undefined,
      {dateStyle: 'medium', timeStyle: 'medium'}));
}

/** Says something to screen-reader users and everyone else, in the status line. */
export function announce(message) {
  const status = document.getElementById('status');
  status.textContent = '';
  // a fresh text node, so that the same message twice is read twice
  requestAnimationFrame(() => { status.textContent = message; });
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => { status.textContent = ''; }, 8000);
}

/** An error as a box that says what happened and what to do next. */
export function errorBox(error, next) {
  return h('div', {class: 'error-box', role: 'alert'},
      h('p', {}, h('strong', {}, error.summary ? error.summary() : String(error))),
      next ? h('p', {}, next) : null);
}

export function empty(message, ...more) {
  return h('div', {class: 'empty'}, h('p', {}, message), ...more);
}

/** A button that copies what {@code text()} gives and says so. */
export function copyButton(text, label) {
  return h('button', {type: 'button', class: 'secondary copy', 'aria-label': label, onclick: async () => {
    const value = text();
    try {
      await navigator.clipboard.writeText(value);
    } catch (e) {
      // the async clipboard needs a secure context; a plain http origin other than localhost falls back to a selection
      const area = h('textarea', {readonly: true, class: 'offscreen'}, value);
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    announce('Copied to the clipboard.');
  }}, 'Copy');
}

/**
 * A modal confirmation (the native dialog: focus is trapped, Escape cancels). With {@code typed}, the confirm button
 * stays disabled until that text is typed, for what cannot be undone.
 */
export function confirmDialog({title, message, confirmLabel, typed, danger}) {
  return new Promise((resolve) => {
    const input = typed ? h('input', {id: 'confirm-typed', autocomplete: 'off', spellcheck: 'false'}) : null;
    const confirm = h('button', {type: 'submit', class: danger ? 'danger' : '', disabled: Boolean(typed)}, confirmLabel);
    const cancel = h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close('cancel')}, 'Cancel');
    const form = h('form', {method: 'dialog'},
        h('h2', {id: 'confirm-title'}, title),
        h('p', {}, message),
        typed ? [h('label', {for: 'confirm-typed'}, `Type ${typed} to confirm`), input] : null,
        h('div', {class: 'actions'}, confirm, cancel));
    const dialog = h('dialog', {'aria-labelledby': 'confirm-title'}, form);
    if (input) {
      input.addEventListener('input', () => { confirm.disabled = input.value !== typed; });
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      dialog.close('confirm');
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.append(dialog);
    dialog.showModal();
    (input || cancel).focus();
  });
}

/** A labelled form field with a hint and a place for its error, wired up for assistive technology. */
export function field(id, label, control, hint) {
  control.id = id;
  const hintEl = hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null;
  const errorEl = h('p', {class: 'field-error', id: `${id}-error`, hidden: true});
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  return {
    el: h('div', {class: 'field'}, h('label', {for: id}, label), hintEl, control, errorEl),
    control,
    error(message) {
      errorEl.textContent = message || '';
      errorEl.hidden = !message;
      if (message) {
        control.setAttribute('aria-invalid', 'true');
      } else {
        control.removeAttribute('aria-invalid');
      }
    },
  };
}

/**
 * The field of {@code fields} (by name) a server refusal is about: the one it says is needed ("... needs policyId"),
 * else the one its detail starts with ("roleMapping.admins must be ..."); null when it names none.
 */
export function fieldOf(fields, detail) {
  const needed = detail.match(/needs (\w+)/);
  return fields[needed ? needed[1] : detail.split(/[ .]/)[0]] || null;
}

/** A "shown once" panel for a secret: the value, a copy button, and a clear warning. */
export function secretPanel(title, value, note) {
  const panel = h('section', {class: 'secret', 'aria-labelledby': 'secret-title', tabindex: '-1'},
      h('h3', {id: 'secret-title'}, title),
      h('p', {class: 'warning'}, h('strong', {}, 'Shown once. '),
          'Copy it now and store it where it is used: scimbus never shows it again.'),
      h('div', {class: 'copyable'}, h('code', {id: 'secret-value', class: 'secret-value'}, value),
          copyButton(() => value, `Copy ${title}`)),
      note ? h('p', {}, note) : null,
      h('button', {type: 'button', class: 'secondary', onclick: () => panel.remove()}, 'I have stored it'));
  return panel;
}

export function tabs(items, current, label = 'Tenant') {
  return h('nav', {class: 'tabs', 'aria-label': label},
      items.map(([href, label]) => h('a', {href, 'aria-current': href === current ? 'page' : null}, label)));
}
