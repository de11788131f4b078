// What an IdP needs: the SCIM base URL and a token (shown once); the tenant's tokens, revoke.
import {del, get, post, seg} from '../api.js';
import {announce, confirmDialog, copyButton, empty, errorBox, field, h, replace, secretPanel, time} from '../dom.js';

export async function renderConnection(content, tenant) {
  const tokens = h('div', {id: 'tokens'});
  const issued = h('div', {id: 'issued'});
  const path = `/tenants/${seg(tenant.id)}/tokens`;
  const description = field('token-description', 'Description', h('input', {maxlength: 200}),
      'Optional: where the token goes, such as "Entra ID" or "Okta".');
  const problem = h('div');

  const issue = async (regenerate) => {
    replace(problem);
    if (regenerate && !await confirmDialog({title: 'Regenerate the token?', danger: true,
      confirmLabel: 'Regenerate and revoke the others',
      message: 'A new token is issued and every earlier token of this tenant stops working within seconds. '
        + 'Update the identity provider with the new one right away.'})) {
      return;
    }
    const body = description.control.value.trim() ? {description: description.control.value.trim()} : {};
    try {
      const token = await post(regenerate ? `${path}/regenerate` : path, body);
      const revoked = (token.revokedTokenIds || []).length;
      const panel = secretPanel('New SCIM token', token.token, regenerate
        ? `${revoked} earlier token${revoked === 1 ? '' : 's'} revoked.` : 'Paste it as the Secret Token in the IdP.');
      replace(issued, panel);
      panel.focus();
      announce('Token issued. It is shown once: copy it now.');
      description.control.value = '';
      await list(tokens, path);
    } catch (e) {
      replace(problem, errorBox(e, 'No token was issued. Correct the description or try again.'));
    }
  };

  replace(content,
      h('section', {class: 'card', 'aria-labelledby': 'scim-connection'},
          h('h2', {id: 'scim-connection'}, 'SCIM connection'),
          h('p', {}, 'Give the identity provider (Entra ID: Tenant URL; Okta: SCIM connector base URL) this URL and '
              + 'a token.'),
          h('div', {class: 'copyable'}, h('code', {id: 'scim-base-url'}, tenant.scimBaseUrl),
              copyButton(() => tenant.scimBaseUrl, 'Copy the SCIM base URL'))),
      h('section', {class: 'card', 'aria-labelledby': 'issue-token'},
          h('h2', {id: 'issue-token'}, 'Issue a token'),
          description.el, problem,
          h('div', {class: 'actions'},
              h('button', {type: 'button', id: 'issue-token-submit', onclick: () => issue(false)}, 'Issue a token'),
              h('button', {type: 'button', id: 'regenerate-token', class: 'secondary', onclick: () => issue(true)},
                  'Regenerate (revoke all others)')),
          issued),
      h('section', {'aria-labelledby': 'token-list'}, h('h2', {id: 'token-list'}, 'Tokens'), tokens));
  await list(tokens, path);
  return null;
}

async function list(container, path) {
  let page;
  try {
    page = await get(path);
  } catch (e) {
    replace(container, errorBox(e, 'Reload the page to try again.'));
    return;
  }
  const tokens = page.Resources || [];
  if (tokens.length === 0) {
    replace(container, empty('No token yet. Issue one above and give it, with the SCIM base URL, to the identity '
        + 'provider.'));
    return;
  }
  replace(container, h('table', {}, h('caption', {class: 'offscreen'}, 'Tokens, newest first'),
      h('thead', {}, h('tr', {}, ['Description', 'Id', 'Created', 'Revoked', 'Status', 'Actions']
          .map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, tokens.map((t) => h('tr', {'data-token': t.id, class: t.active ? '' : 'inactive'},
          h('td', {}, t.description || '—'), h('td', {}, h('code', {}, t.id)), h('td', {}, time(t.created)),
          h('td', {}, time(t.revoked)),
          h('td', {}, h('span', {class: t.active ? 'badge ok' : 'badge off'}, t.active ? 'Active' : 'Revoked')),
          h('td', {}, t.active ? h('button', {type: 'button', class: 'danger', 'aria-label': `Revoke token ${t.id}`,
            onclick: () => revoke(container, path, t)}, 'Revoke') : null))))));
}

async function revoke(container, path, token) {
  if (!await confirmDialog({title: 'Revoke this token?', danger: true, confirmLabel: 'Revoke',
    message: `Token ${token.description ? `"${token.description}" ` : ''}(${token.id}) stops working within seconds `
      + 'on every gateway. An IdP still using it gets 401.'})) {
    return;
  }
  try {
    await del(`${path}/${seg(token.id)}`);
    announce('Token revoked.');
  } catch (e) {
    container.prepend(errorBox(e, 'The token was not revoked. Try again.'));
    return;
  }
  await list(container, path);
}
