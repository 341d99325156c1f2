// @ts-check
// A proctor's request to stop a student (001 §6.14), as the teacher or another person with
// academic-administrative authority decides it: the reason, the flags with their evidence frames and the
// timeline, then confirm or decline. Without an id: the requests waiting for me.
import { page, h, t, api, ApiError, problemView, fmtDate, fmtTime, notify, confirmDialog } from '/js/adal.js';
import { TerminationState } from '/js/states.js';

const timeOf = iso => fmtTime(iso);
const known = (key, fallback) => { const s = t(key); return s === key ? fallback : s; };

page({ bundles: ['proctoring', 'review'], title: 'termination.title', async render(main) {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) return waiting(main);
  const box = h('div');
  main.append(h('h1', t('termination.title')), box);
  async function draw() {
    const c = await api(`/api/proctor/terminations/${encodeURIComponent(id)}`);
    const x = c.termination;
    const out = h('div#decision-out', { 'aria-live': 'polite' });
    async function decide(verb) {
      const confirm = verb === 'confirm';
      const yes = await confirmDialog({ title: t(confirm ? 'termination.confirmTitle' : 'termination.declineTitle'),
        text: t(confirm ? 'termination.confirmText' : 'termination.declineText', { name: c.studentName }),
        ok: t(confirm ? 'termination.confirm' : 'termination.decline'), danger: confirm });
      if (!yes) return;
      try {
        await api(`/api/proctor/terminations/${x.id}/${verb}`, { method: 'POST' });
        notify(t(confirm ? 'termination.confirmed' : 'termination.declined'), 'ok');
        await draw();
      } catch (e) { out.replaceChildren(e instanceof ApiError ? problemView(e) : h('div.problem', String(e))); }
    }
    const flags = c.timeline.flags;
    box.replaceChildren(
      h('section.card#termination-facts', { 'aria-labelledby': 'tf-title' }, h('h2#tf-title', c.studentName),
        h('dl.facts',
          h('dt', t('termination.exam')), h('dd', c.examTitle),
          h('dt', t('termination.requestedBy')), h('dd', `${c.requestedByName}, ${fmtDate(x.requestedAt)}`),
          h('dt', t('termination.reason')), h('dd#termination-reason', x.reason, ' ', h('span.muted', `(${x.rule})`)),
          h('dt', t('termination.state')), h('dd#termination-state', h('span.badge' + (x.state === TerminationState.PENDING ? '.warn' : x.state === TerminationState.CONFIRMED ? '.bad' : '.ok'),
            t('termination.state.' + x.state)), x.decidedAt ? ` ${c.decidedByName || ''}, ${fmtDate(x.decidedAt)}` : ''),
          h('dt', t('termination.attempt')), h('dd', known('review.state.' + c.timeline.state, c.timeline.state)),
          h('dt', t('proctoring.score')), h('dd', String(c.timeline.score)))),
      c.mayDecide ? h('section.card#termination-decide', { 'aria-labelledby': 'td-title' }, h('h2#td-title', t('termination.decide')),
        h('p.muted', t('termination.decideHint')),
        h('div.actions', h('button.danger#termination-confirm', { type: 'button', onclick: () => decide('confirm') }, t('termination.confirm')),
          h('button#termination-decline', { type: 'button', onclick: () => decide('decline') }, t('termination.decline'))), out) : null,
      h('section.card#termination-flags', { 'aria-labelledby': 'tfl-title' }, h('h2#tfl-title', t('proctoring.flags'), ' ', h('span.muted', `(${flags.length})`)),
        flags.length ? h('ul.plain', flags.map(f => h('li.tr-flag', { dataset: { flag: f.type } },
          h('strong', known('review.flag.' + f.type, f.type)), ' ',
          h('span.badge.' + (f.severity === 'HIGH' ? 'bad' : 'warn'), known('review.severity.' + f.severity, f.severity)), ' ',
          h('span', `${timeOf(f.startAt)} – ${f.endAt ? timeOf(f.endAt) : '…'}`),
          f.snapshotId ? evidence(x.id, f.snapshotId, t('review.evidence.alt', { flag: known('review.flag.' + f.type, f.type), at: timeOf(f.startAt) })) : null)))
          : h('p.muted', t('review.flags.none'))),
      h('section.card#termination-timeline', { 'aria-labelledby': 'tt-title' }, h('h2#tt-title', t('proctoring.timeline')),
        h('ol.plain', c.timeline.events.map(e => h('li', { dataset: { kind: e.kind } }, h('span.muted', timeOf(e.at)), ' ',
          known('review.event.' + e.kind, t('termination.event.other')))))));
  }
  await draw();
} });

/** An evidence frame, fetched with the token. */
function evidence(terminationId, snapshotId, alt) {
  const img = h('img.evidence', { alt, loading: 'lazy', dataset: { snapshot: snapshotId } });
  api(`/api/proctor/terminations/${terminationId}/snapshots/${snapshotId}`, { raw: true })
    .then(r => r.blob()).then(b => { img.src = URL.createObjectURL(b); })
    .catch(() => { img.alt = t('review.evidence.missing'); });
  return h('figure', img);
}

async function waiting(main) {
  const list = await api('/api/proctor/terminations');
  main.append(h('h1', t('termination.waiting')), list.length
    ? h('ul.plain#terminations', list.map(c => h('li.card', h('a', { href: `/proctor/termination.html?id=${c.termination.id}` }, c.studentName),
      ' — ', c.examTitle, h('div.muted', `${c.requestedByName}, ${fmtDate(c.termination.requestedAt)}: ${c.termination.reason}`))))
    : h('p', t('termination.noneWaiting')));
}
