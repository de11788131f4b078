// The provisioning log: every SCIM write of the tenant, newest first, filtered; entries open to their detail.
import {get, query, seg} from '../api.js';
import {empty, errorBox, field, h, replace, time} from '../dom.js';

const TAIL_MS = 3000;
const COUNT = 200;
const BEHAVIOUR = 'BEHAVIOUR';
const CLASSES = [['', 'Any status'], ['2', '2xx succeeded'], ['4', '4xx refused'], ['5', '5xx failed']];

export async function renderLog(content, tenant) {
  const userName = field('log-username', 'userName', h('input', {autocomplete: 'off', spellcheck: 'false'}));
  const resourceId = field('log-resource', 'Resource id', h('input', {autocomplete: 'off', spellcheck: 'false'}));
  const status = field('log-status', 'Status', h('select', {}, CLASSES.map(([v, l]) => h('option', {value: v}, l))));
  const since = field('log-since', 'From (local time)', h('input', {type: 'datetime-local', step: 1}));
  const until = field('log-until', 'Until (local time)', h('input', {type: 'datetime-local', step: 1}));
  const tail = h('input', {type: 'checkbox', id: 'log-tail'});
  const results = h('div', {id: 'log-results', 'aria-live': 'polite', 'aria-busy': 'false'});
  const opened = new Set();
  // the last related entries shown per opened entry, so that a live-tail redraw does not blank them
  const related = new Map();
  let timer = null;
  let stopped = false;

  const refresh = async () => {
    for (const f of [since, until]) {
      f.error('');
    }
    const params = {userName: userName.control.value.trim(), resourceId: resourceId.control.value.trim(),
      since: instant(since), until: instant(until), count: COUNT};
    if (params.since === undefined || params.until === undefined) {
      return;
    }
    results.setAttribute('aria-busy', 'true');
    try {
      const page = await get(`/tenants/${seg(tenant.id)}/provisioning-log${query(params)}`);
      show(results, page, status.control.value, opened, tenant, related);
    } catch (e) {
      replace(results, errorBox(e, e.status === 400 ? 'Correct the filters and apply them again.'
        : 'Try again in a moment.'));
    } finally {
      results.setAttribute('aria-busy', 'false');
    }
  };
  const instant = (f) => {
    if (!f.control.value) {
      return '';
    }
    const date = new Date(f.control.value);
    if (Number.isNaN(date.getTime())) {
      f.error('Enter a date and time.');
      return undefined;
    }
    return date.toISOString();
  };
  const schedule = () => {
    clearTimeout(timer);
    if (tail.checked && !stopped) {
      timer = setTimeout(async () => {
        if (!document.hidden) {
          await refresh();
        }
        schedule();
      }, TAIL_MS);
    }
  };
  tail.addEventListener('change', () => {
    schedule();
    if (tail.checked) {
      refresh();
    }
  });
  const form = h('form', {class: 'card filters', 'aria-labelledby': 'log-filters'},
      h('h2', {id: 'log-filters'}, 'Filter the log'),
      h('div', {class: 'row'}, userName.el, resourceId.el, status.el, since.el, until.el),
      h('div', {class: 'actions'}, h('button', {type: 'submit', id: 'log-apply'}, 'Apply filters'),
          h('label', {class: 'check'}, tail, ` Live tail (refresh every ${TAIL_MS / 1000} s)`)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    refresh();
  });
  replace(content, form, h('section', {'aria-labelledby': 'log-entries'},
      h('h2', {id: 'log-entries'}, 'Entries, newest first'), results));
  await refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function show(results, page, statusClass, opened, tenant, related) {
  const all = page.Resources || [];
  const entries = statusClass ? all.filter((e) => String(e.status).startsWith(statusClass)) : all;
  if (entries.length === 0) {
    replace(results, empty(all.length === 0 && page.totalResults === 0
      ? 'No SCIM write matches. Entries arrive within a second or two of the response. If the IdP says it sent '
        + 'one, check that it uses this tenant\'s SCIM base URL and an active token: a request refused with 401 '
        + 'is not for any tenant and is not logged.'
      : 'No entry of this status among the newest matching ones. Widen the filters.'));
    return;
  }
  const rows = entries.flatMap((entry) => entryRows(entry, opened, tenant, related));
  replace(results,
      h('p', {class: 'hint'}, `${entries.length} shown of ${page.totalResults} matching`
          + (statusClass ? ` (status filter applied to the newest ${all.length})` : '')),
      h('table', {class: 'log'}, h('caption', {class: 'offscreen'}, 'Provisioning log entries'),
          h('thead', {}, h('tr', {}, ['Time', 'Operation', 'userName', 'Resource id', 'Status', 'Detail']
              .map((c) => h('th', {scope: 'col'}, c)))),
          h('tbody', {}, rows)));
}

function entryRows(entry, opened, tenant, related) {
  const detailId = `log-detail-${entry.id}`;
  const caused = h('div', {class: 'related', 'aria-live': 'polite'}, related.get(entry.id) || null);
  const detail = h('tr', {id: detailId, class: 'detail', hidden: !opened.has(entry.id)},
      h('td', {colspan: 6}, describe(entry), caused));
  const load = () => loadRelated(caused, entry, tenant, related);
  if (opened.has(entry.id)) {
    load();
  }
  const toggle = h('button', {type: 'button', class: 'secondary', 'aria-expanded': String(opened.has(entry.id)),
    'aria-controls': detailId, 'aria-label': `Details of the ${entry.operation} at ${entry.at}`, onclick: () => {
      const open = detail.hidden;
      detail.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) {
        opened.add(entry.id);
        load();
      } else {
        opened.delete(entry.id);
        related.delete(entry.id);
      }
    }}, 'Details');
  const ok = entry.status < 400;
  return [h('tr', {'data-entry': entry.id, class: ok ? '' : 'failed'},
      h('td', {}, time(entry.at)),
      h('td', {}, entry.method === BEHAVIOUR ? `Behaviour ${entry.operation}`
        : `${entry.operation} ${entry.resourceType}`),
      h('td', {class: 'username'}, entry.userName || '—'),
      h('td', {}, entry.resourceId ? h('code', {}, entry.resourceId) : '—'),
      h('td', {}, h('span', {class: ok ? 'badge ok' : 'badge bad'}, String(entry.status))),
      h('td', {}, toggle)), detail];
}

/** The other entries of the entry's request: the portal behaviours a SCIM write caused, or a behaviour's cause. */
async function loadRelated(target, entry, tenant, related) {
  const behaviour = entry.method === BEHAVIOUR;
  const heading = behaviour ? 'The request that caused it and its other behaviours' : 'Behaviours it caused';
  let shown;
  try {
    const page = await get(`/tenants/${seg(tenant.id)}/provisioning-log${query({requestId: entry.requestId})}`);
    const others = (page.Resources || []).filter((e) => e.id !== entry.id);
    shown = others.length === 0
      ? h('p', {class: 'no-behaviours'}, behaviour ? 'No other entry has this request id.'
        : 'No portal behaviour was applied for this request.')
      : h('table', {class: 'behaviours'}, h('caption', {}, heading),
          h('thead', {}, h('tr', {}, ['Operation', 'Resource id', 'Outcome'].map((c) => h('th', {scope: 'col'}, c)))),
          h('tbody', {}, others.map((e) => h('tr', {'data-related': e.id},
              h('td', {class: 'operation'}, e.method === BEHAVIOUR ? e.operation
                : `${e.method} (${e.operation} ${e.resourceType})`),
              h('td', {}, e.resourceId ? h('code', {}, e.resourceId) : '—'),
              h('td', {}, `${e.status} ${e.outcome || (e.method === BEHAVIOUR ? 'Applied' : 'Succeeded')}`)))));
  } catch (e) {
    shown = errorBox(e, 'Close and open the entry again in a moment.');
  }
  related.set(entry.id, shown);
  replace(target, shown);
}

function describe(entry) {
  // the outcome is "scimType: detail", or the bare detail when the error had no scimType
  const typed = (entry.outcome || '').match(/^([A-Za-z]+): ([\s\S]*)$/);
  const failed = Boolean(entry.outcome);
  return [h('dl', {class: 'pairs'},
      h('dt', {}, 'Request id'), h('dd', {}, h('code', {class: 'request-id'}, entry.requestId)),
      h('dt', {}, 'Request'), h('dd', {}, entry.method === BEHAVIOUR
        ? `Portal behaviour ${entry.operation} on a ${entry.resourceType}, caused by this request id`
        : `${entry.method} (${entry.operation} ${entry.resourceType})`),
      h('dt', {}, 'scimType'), h('dd', {class: 'scim-type'}, typed ? typed[1] : '—'),
      h('dt', {}, 'Detail'), h('dd', {}, failed ? (typed ? typed[2] : entry.outcome) : 'Succeeded'),
      h('dt', {}, 'Log entry id'), h('dd', {}, h('code', {}, entry.id))),
  h('p', {class: 'hint'}, 'Search the services\' logs for the request id to follow this request.')];
}
