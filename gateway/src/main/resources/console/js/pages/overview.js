// What the admin API can tell about a tenant at a glance: tokens, recent writes and errors, failing webhooks.
import {get, seg} from '../api.js';
import {errorBox, h, replace, time} from '../dom.js';

const SAMPLE = 1000;
const HOUR_MS = 3600_000;

export async function renderOverview(content, tenant) {
  replace(content, h('p', {}, 'Loading the overview…'));
  const base = `/tenants/${seg(tenant.id)}`;
  const link = (tab, label) => h('a', {href: `#/tenants/${seg(tenant.id)}/${tab}`}, label);
  let tokens;
  let log;
  let webhooks;
  let deadLetters;
  try {
    [tokens, log, webhooks, deadLetters] = await Promise.all([get(`${base}/tokens`),
      get(`${base}/provisioning-log?count=${SAMPLE}`), get(`${base}/webhooks?count=1000`),
      get(`${base}/dead-letters?count=1`)]);
  } catch (e) {
    replace(content, errorBox(e, 'Reload the page to try again.'));
    return null;
  }
  const active = (tokens.Resources || []).filter((t) => t.active);
  const entries = log.Resources || [];
  const lastSuccess = entries.find((e) => e.status < 400);
  const since = Date.now() - HOUR_MS;
  const lastHour = entries.filter((e) => Date.parse(e.at) >= since);
  const refused = lastHour.filter((e) => e.status >= 400 && e.status < 500).length;
  const failed = lastHour.filter((e) => e.status >= 500).length;
  const details = await Promise.all((webhooks.Resources || []).map((w) => get(`${base}/webhooks/${seg(w.id)}`)
      .catch(() => w)));
  const failing = details.filter((w) => !w.enabled || w.deadLetters > 0);

  const card = (title, value, note) => h('div', {class: 'stat'}, h('h3', {}, title),
      h('p', {class: 'value'}, value), note ? h('p', {class: 'hint'}, note) : null);
  replace(content,
      h('h2', {class: 'offscreen'}, 'Overview'),
      h('div', {class: 'stats'},
          card('Active tokens', String(active.length), active.length ? null
            : h('span', {}, 'No IdP can connect. ', link('connection', 'Issue a token'))),
          card('Last successful sync', lastSuccess ? time(lastSuccess.at) : 'none yet', lastSuccess
            ? `${lastSuccess.operation} ${lastSuccess.resourceType}${lastSuccess.userName
              ? ` ${lastSuccess.userName}` : ''}`
            : h('span', {}, 'No SCIM write has succeeded. Give the IdP the ', link('connection', 'SCIM base URL and '
                + 'a token'), '.')),
          card('Writes in the last hour', String(lastHour.length),
              `${(lastHour.length / 60).toFixed(1)} per minute on average`),
          card('Errors in the last hour', `${refused} refused · ${failed} failed`,
              refused + failed ? h('span', {}, link('log', 'Read them in the provisioning log'))
                : 'No 4xx or 5xx answer.'),
          card('Failing webhooks', String(failing.length), failing.length
            ? h('ul', {}, failing.map((w) => h('li', {}, h('a', {href: `#/tenants/${seg(tenant.id)}/webhooks/`
                + `${seg(w.id)}`}, w.url), w.enabled ? ` (${w.deadLetters} dead letters)`
              : ` (disabled${w.disabledReason ? `: ${w.disabledReason}` : ''})`)))
            : `${details.length} endpoint${details.length === 1 ? '' : 's'}, none disabled or with dead letters.`),
          card('Dead letters (all queues)', String(deadLetters.totalResults),
              deadLetters.totalResults ? 'Records a queue gave up on; replay them through the admin API '
                + '(POST /dead-letters/{service}/{id}/replay).' : 'None.')),
      h('p', {class: 'hint'}, log.totalResults > entries.length
        ? `Counts come from the newest ${entries.length} of ${log.totalResults} log entries.`
        : 'Counts come from the provisioning log.'),
      h('dl', {class: 'pairs'},
          h('dt', {}, 'SCIM base URL'), h('dd', {}, h('code', {}, tenant.scimBaseUrl)),
          h('dt', {}, 'Profile'), h('dd', {}, link('profile', tenant.profile)),
          h('dt', {}, 'Created'), h('dd', {}, time(tenant.created)),
          h('dt', {}, 'Updated'), h('dd', {}, time(tenant.updated))));
  return null;
}
