// Webhook endpoints: register, the list; one endpoint: test, rotate secret, enable/disable, its delivery log,
// replay of one event or of its dead letters, delete.
import {del, get, patch, post, query, seg} from '../api.js';
import {announce, confirmDialog, empty, errorBox, field, h, replace, secretPanel, time} from '../dom.js';

export const EVENT_TYPES = ['user.created', 'user.updated', 'user.deactivated', 'user.reactivated', 'user.deleted',
  'group.created', 'group.updated', 'group.deleted'];
const TEST_EVENT = 'webhook.test';

export async function renderWebhooks(content, tenant) {
  const path = `/tenants/${seg(tenant.id)}/webhooks`;
  const list = h('div', {id: 'webhook-list'});
  const created = h('div');
  replace(content, registerForm(tenant, path, created, () => load(list, tenant, path)), created,
      h('section', {'aria-labelledby': 'endpoints'}, h('h2', {id: 'endpoints'}, 'Endpoints'), list));
  await load(list, tenant, path);
  return null;
}

function registerForm(tenant, path, created, reload) {
  const url = field('webhook-url', 'Endpoint URL', h('input', {type: 'url', required: true, maxlength: 2048,
    placeholder: 'https://example.com/scimbus', autocomplete: 'off'}),
  'An http(s) URL on a public address (or a network SCIMBUS_WEBHOOK_ALLOWED_NETWORKS allows).');
  const description = field('webhook-description', 'Description', h('input', {maxlength: 500}), 'Optional.');
  const types = h('fieldset', {class: 'types'}, h('legend', {}, 'Event types (none checked: every type)'),
      EVENT_TYPES.map((type) => h('label', {class: 'check'},
          h('input', {type: 'checkbox', name: 'eventType', value: type}), ` ${type}`)));
  const problem = h('div');
  const form = h('form', {class: 'card', 'aria-labelledby': 'register-webhook'},
      h('h2', {id: 'register-webhook'}, 'Register an endpoint'), url.el, description.el, types, problem,
      h('button', {type: 'submit', id: 'register-webhook-submit'}, 'Register endpoint'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    url.error('');
    replace(problem);
    const target = url.control.value.trim();
    if (!/^https?:\/\/\S+$/i.test(target)) {
      url.error('Enter an http:// or https:// URL.');
      url.control.focus();
      return;
    }
    const body = {url: target};
    const checked = [...types.querySelectorAll('input:checked')].map((box) => box.value);
    if (checked.length) {
      body.eventTypes = checked;
    }
    if (description.control.value.trim()) {
      body.description = description.control.value.trim();
    }
    try {
      const endpoint = await post(path, body);
      form.reset();
      const panel = secretPanel('Signing secret', endpoint.secret, h('span', {},
          'The receiver verifies the webhook-signature header with it (Standard Webhooks). ',
          h('a', {href: `#/tenants/${seg(tenant.id)}/webhooks/${seg(endpoint.id)}`}, 'Open the endpoint')));
      replace(created, panel);
      panel.focus();
      announce('Endpoint registered. Its secret is shown once: copy it now.');
      await reload();
    } catch (e) {
      if (e.status === 400 && /url|address|network|host/i.test(e.detail || '')) {
        url.error(e.detail);
        url.control.focus();
      } else {
        replace(problem, errorBox(e, 'Nothing was registered. Correct the form or try again.'));
      }
    }
  });
  return form;
}

async function load(list, tenant, path) {
  let page;
  try {
    page = await get(`${path}?count=1000`);
  } catch (e) {
    replace(list, errorBox(e, 'Reload the page to try again.'));
    return;
  }
  const endpoints = page.Resources || [];
  if (endpoints.length === 0) {
    replace(list, empty('No endpoint yet. Register one above: every change to this tenant\'s users and groups is '
        + 'then signed and sent to it, with retries.'));
    return;
  }
  replace(list, h('table', {}, h('caption', {class: 'offscreen'}, 'Webhook endpoints, oldest first'),
      h('thead', {}, h('tr', {}, ['URL', 'Event types', 'Status', 'Created'].map((c) => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, endpoints.map((w) => h('tr', {'data-webhook': w.id},
          h('th', {scope: 'row'}, h('a', {href: `#/tenants/${seg(tenant.id)}/webhooks/${seg(w.id)}`}, w.url)),
          h('td', {}, w.eventTypes ? w.eventTypes.join(', ') : 'every type'),
          h('td', {}, status(w)), h('td', {}, time(w.createdAt)))))));
}

function status(endpoint) {
  return endpoint.enabled ? h('span', {class: 'badge ok'}, 'Enabled')
    : h('span', {class: 'badge bad'}, `Disabled${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ''}`);
}

export async function renderWebhook(content, tenant, id) {
  const path = `/tenants/${seg(tenant.id)}/webhooks/${seg(id)}`;
  const back = h('p', {}, h('a', {href: `#/tenants/${seg(tenant.id)}/webhooks`}, 'All endpoints'));
  let endpoint;
  try {
    endpoint = await get(path);
  } catch (e) {
    replace(content, back, errorBox(e, e.status === 404 ? 'No such endpoint: it may have been deleted.'
      : 'Reload the page to try again.'));
    return null;
  }
  const summary = h('div');
  const outcome = h('div', {'aria-live': 'polite'});
  const log = h('div', {id: 'delivery-log'});
  const filter = field('delivery-outcome', 'Outcome', h('select', {},
      h('option', {value: ''}, 'Any'), h('option', {value: 'success'}, 'Success'),
      h('option', {value: 'failure'}, 'Failure')));
  const refreshSummary = async () => {
    endpoint = await get(path);
    replace(summary, describe(endpoint));
  };
  const refreshLog = () => deliveries(log, path, filter.control.value, outcome, refreshSummary);
  filter.control.addEventListener('change', refreshLog);

  const act = async (label, call, next) => {
    replace(outcome);
    try {
      const answer = await call();
      await next(answer);
    } catch (e) {
      replace(outcome, errorBox(e, `${label} did not happen. Try again.`));
    }
  };
  const actions = h('div', {class: 'actions'},
      h('button', {type: 'button', id: 'send-test', onclick: () => act('The test event', () => post(`${path}/test`),
          async (attempt) => {
            replace(outcome, h('p', {class: attempt.outcome === 'success' ? 'notice ok' : 'notice bad'},
                `Test event ${attempt.eventId}: ${attempt.outcome}, ${result(attempt)}, ${attempt.latencyMs} ms.`));
            await refreshLog();
          })}, 'Send test event'),
      h('button', {type: 'button', id: 'replay-dead-letters', class: 'secondary', onclick: () => act(
          'The replay of the dead letters', () => post(`${path}/replay`, {deadLetters: true}), async (answer) => {
            replace(outcome, h('p', {class: 'notice'}, `${answer.queued} dead letter(s) queued again.`));
            await refreshSummary();
          })}, 'Replay dead letters'),
      h('button', {type: 'button', id: 'toggle-enabled', class: 'secondary', onclick: () => act('The change',
          () => patch(path, {enabled: !endpoint.enabled}), async () => {
            await refreshSummary();
            document.getElementById('toggle-enabled').textContent = endpoint.enabled ? 'Disable' : 'Enable';
            announce(endpoint.enabled ? 'Endpoint enabled.' : 'Endpoint disabled.');
          })}, endpoint.enabled ? 'Disable' : 'Enable'),
      h('button', {type: 'button', id: 'rotate-secret', class: 'secondary', onclick: async () => {
        if (!await confirmDialog({title: 'Rotate the signing secret?', confirmLabel: 'Rotate',
          message: 'A new secret signs every delivery from now on; the old one keeps signing beside it for the grace '
            + 'period (24 h by default), so the receiver can switch without losing a delivery.'})) {
          return;
        }
        await act('The rotation', () => post(`${path}/rotate-secret`), async (rotated) => {
          const panel = secretPanel('New signing secret', rotated.secret,
              `The previous secret also signs until ${new Date(rotated.previousSecretExpiresAt).toLocaleString()}.`);
          replace(outcome, panel);
          panel.focus();
        });
      }}, 'Rotate secret'),
      h('button', {type: 'button', class: 'danger', onclick: async () => {
        if (!await confirmDialog({title: 'Delete this endpoint?', danger: true, confirmLabel: 'Delete endpoint',
          message: `${endpoint.url} gets no more deliveries; its queue and delivery log are deleted.`})) {
          return;
        }
        await act('The deletion', () => del(path), async () => {
          announce('Endpoint deleted.');
          location.hash = `#/tenants/${seg(tenant.id)}/webhooks`;
        });
      }}, 'Delete'));
  replace(content, back, h('section', {class: 'card', 'aria-labelledby': 'endpoint-title'},
      h('h2', {id: 'endpoint-title'}, endpoint.url), summary, actions, outcome),
  h('section', {'aria-labelledby': 'deliveries-title'}, h('h2', {id: 'deliveries-title'}, 'Delivery log'),
      h('div', {class: 'actions'}, filter.el,
          h('button', {type: 'button', id: 'refresh-deliveries', class: 'secondary', onclick: refreshLog}, 'Refresh')),
      log));
  replace(summary, describe(endpoint));
  await refreshLog();
  return null;
}

function describe(endpoint) {
  return h('dl', {class: 'pairs'},
      h('dt', {}, 'Status'), h('dd', {}, status(endpoint)),
      h('dt', {}, 'Event types'), h('dd', {}, endpoint.eventTypes ? endpoint.eventTypes.join(', ') : 'every type'),
      h('dt', {}, 'Description'), h('dd', {}, endpoint.description || '—'),
      h('dt', {}, 'Waiting for delivery'), h('dd', {id: 'pending-deliveries'}, String(endpoint.pendingDeliveries)),
      h('dt', {}, 'Dead letters'), h('dd', {id: 'dead-letters'}, String(endpoint.deadLetters)),
      h('dt', {}, 'Id'), h('dd', {}, h('code', {}, endpoint.id)),
      h('dt', {}, 'Created'), h('dd', {}, time(endpoint.createdAt)));
}

function result(attempt) {
  return attempt.httpStatus ? `HTTP ${attempt.httpStatus}` : (attempt.error || 'no answer');
}

async function deliveries(log, path, outcomeFilter, outcome, refreshSummary) {
  let page;
  try {
    page = await get(`${path}/deliveries${query({outcome: outcomeFilter, count: 100})}`);
  } catch (e) {
    replace(log, errorBox(e, 'Refresh to try again.'));
    return;
  }
  const attempts = page.Resources || [];
  if (attempts.length === 0) {
    replace(log, empty(outcomeFilter ? 'No attempt with this outcome.'
      : 'No delivery yet. Send a test event above, or make a SCIM change in this tenant; attempts show here.'));
    return;
  }
  replace(log, h('p', {class: 'hint'}, `The newest ${attempts.length} of ${page.totalResults} attempts.`),
      h('table', {class: 'deliveries'}, h('caption', {class: 'offscreen'}, 'Delivery attempts, newest first'),
          h('thead', {}, h('tr', {}, ['Time', 'Event', 'Attempt', 'Outcome', 'Status', 'Latency', 'Response', 'Actions']
              .map((c) => h('th', {scope: 'col'}, c)))),
          h('tbody', {}, attempts.map((a) => h('tr', {'data-event': a.eventId, 'data-outcome': a.outcome},
              h('td', {}, time(a.at)),
              h('td', {}, a.eventType, h('br'), h('code', {class: 'small'}, a.eventId)),
              h('td', {}, String(a.attempt)),
              h('td', {}, h('span', {class: a.outcome === 'success' ? 'badge ok' : 'badge bad'}, a.outcome)),
              h('td', {}, result(a)),
              h('td', {}, `${a.latencyMs} ms`),
              h('td', {}, a.response ? h('details', {}, h('summary', {}, 'Response'),
                  h('pre', {class: 'snippet'}, a.response)) : '—'),
              h('td', {}, a.eventType === TEST_EVENT ? h('span', {class: 'hint'}, 'test events are not replayed')
                : h('button', {type: 'button', class: 'secondary replay', 'aria-label': `Replay event ${a.eventId}`,
                  onclick: async () => {
                    replace(outcome);
                    try {
                      const answer = await post(`${path}/replay`, {eventId: a.eventId});
                      replace(outcome, h('p', {class: 'notice', id: 'replay-result'},
                          `Event ${a.eventId} queued again (${answer.queued}), with its original webhook-id.`));
                      await refreshSummary();
                    } catch (e) {
                      replace(outcome, errorBox(e, 'The event was not replayed. Try again.'));
                    }
                  }}, 'Replay')))))));
}
