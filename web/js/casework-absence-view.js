// @ts-check
// One absence application as a card (student, dean's office and chair pages).
import { h, t, fmtDate } from '/js/adal.js';
import { fmtDay, stateBadge, download } from '/js/casework-appeal-common.js';
import { AbsenceState } from '/js/states.js';

export function absenceCardView(a, extra) {
  return h('article.case', { dataset: { absence: a.id } },
    h('h3', a.student, ' — ', a.sitting, ' (', fmtDay(a.sittingDate), ') ',
      stateBadge('absence.state.', a.state, a.state === AbsenceState.ALLOWED ? 'ok' : a.state === AbsenceState.NOT_ALLOWED ? 'bad' : 'warn')),
    h('p.muted', t('absence.filedAt', { at: fmtDate(a.filedAt) })),
    h('p.reason', a.reason),
    h('p', h('button.link', { onclick: () => download(`/api/absences/${a.id}/document`, a.documentName) }, a.documentName)),
    a.forwardedAt ? h('p.muted', t('absence.forwarded', { name: a.forwardedBy, at: fmtDate(a.forwardedAt) }), a.forwardNote ? ': ' + a.forwardNote : '') : null,
    a.visaAt ? h('div', { class: a.state === AbsenceState.ALLOWED ? 'okbox visa' : 'card visa' },
      h('strong', t('absence.visa.' + a.state)), a.visaNote ? h('p', a.visaNote) : null,
      a.resitSitting ? h('p.resit', t('absence.resit', { sitting: a.resitSitting, date: fmtDay(a.resitDate) })) : null,
      h('p.muted', t('absence.signed', { name: a.visaBy, at: fmtDate(a.visaAt) }))) : null,
    extra || null);
}

