// @ts-check
// The appeal commission's list (chair, deputy chair, members; the dean's office and the admin see all):
// deadlines with overdue cases highlighted, the hearing, the signed decision (001 §6.15.4–6.15.5).
import { page, h, t, api, notify, fmtDate, hasRole, user } from '/js/adal.js';
import { deadlines, decisionBlock, stateBadge, download, fmtDay, receiptBlock } from '/js/casework-appeal-common.js';
import { AccountState, AppealDecision, AppealState } from '/js/states.js';

const localInput = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

function actions(a, reload) {
  if (!a.maySign) return null;
  const box = h('div.card.sign-actions');
  const act = async (path, body) => {
    try { await api(path, { method: 'POST', body }); notify(t('core.saved'), 'ok'); await reload(); }
    catch (x) { box.querySelector('.result').replaceChildren(h('div.problem', { role: 'alert' }, x.message)); }
  };
  const result = h('div.result', { 'aria-live': 'polite' });
  if (a.state === AppealState.FILED || a.state === AppealState.HEARING_SET) {
    const due = a.deadlines?.hearingDueOn;
    const at = h('input.hearing-at', { type: 'datetime-local', value: localInput(new Date(Date.now() + 3600000)), 'aria-label': t('appeal.hearingWhen') });
    const link = h('input.hearing-link', { type: 'url', placeholder: 'https://…', 'aria-label': t('appeal.hearingLink') });
    box.append(h('h4', t(a.state === AppealState.FILED ? 'appeal.setHearing' : 'appeal.moveHearing')),
      due ? h('p.muted', t('appeal.hearingBy', { d: fmtDay(due) })) : null,
      h('div.row', h('div', h('label', t('appeal.hearingWhen')), at), h('div', h('label', t('appeal.hearingLink')), link),
        h('div', h('button.primary.set-hearing', { onclick: () => act(`/api/appeals/${a.id}/hearing`, { at: new Date(at.value).toISOString(), link: link.value }) }, t('appeal.setHearingButton')))));
  }
  if (a.state === AppealState.HEARING_SET && a.hearingAt && new Date(a.hearingAt) > new Date()) {
    // the commission decides at the hearing it holds (001 §6.15.5): no decision form before it
    box.append(h('p.muted.decide-after', t('appeal.decideAfter', { at: fmtDate(a.hearingAt) })));
  } else if (a.state === AppealState.HEARING_SET) {
    const note = h('textarea.decision-note', { rows: 3, 'aria-label': t('appeal.decisionNote') });
    const grade = h('input.new-grade', { type: 'number', min: 0, max: 100, step: a.kind === 'TEST' ? '0.01' : '1', 'aria-label': t(a.kind === 'TEST' ? 'appeal.newPercent' : 'appeal.newPoints') });
    const decide = (decision) => {
      const body = { decision, note: note.value };
      if (decision === AppealDecision.UPHELD && grade.value !== '') body[a.kind === 'TEST' ? 'newPercent' : 'newPoints'] = Number(grade.value);
      act(`/api/appeals/${a.id}/decision`, body);
    };
    box.append(h('h4', t('appeal.decide')), h('label', t('appeal.decisionNote')), note,
      h('label', t(a.kind === 'TEST' ? 'appeal.newPercent' : 'appeal.newPoints')), grade, h('p.muted', t('appeal.newGradeHint')),
      h('div.actions', h('button.primary.uphold', { onclick: () => decide(AppealDecision.UPHELD) }, t('appeal.uphold')),
        h('button.danger.reject', { onclick: () => decide(AppealDecision.REJECTED) }, t('appeal.reject'))));
  }
  box.append(result);
  return box;
}

function caseCard(a, reload) {
  const overdue = a.deadlines?.hearingOverdue || a.deadlines?.resultOverdue;
  return h('article', { class: 'case' + (overdue ? ' overdue' : ''), dataset: { appeal: a.id } },
    h('h3', a.student.name, ' — ', a.title, ' ', stateBadge('appeal.state.', a.state, overdue ? 'bad' : a.state === AppealState.DECIDED ? 'ok' : 'warn'),
      overdue ? [' ', h('span.badge.bad', t('appeal.overdue'))] : null),
    h('p.muted', t('appeal.filedAt', { at: fmtDate(a.filedAt) }), ' · ', t('appeal.kind.' + a.kind),
      a.currentGrade ? ' · ' + t('appeal.currentGrade', { grade: a.currentGrade }) : '',
      a.myRole ? ' · ' + t('appeal.myRole.' + a.myRole) : ''),
    h('p.reason', a.reason),
    a.attachmentName ? h('p', h('button.link', { onclick: () => download(`/api/appeals/${a.id}/attachment`, a.attachmentName) }, a.attachmentName)) : null,
    receiptBlock(a),
    deadlines(a),
    a.hearingAt ? h('p.hearing', t('appeal.hearingAt', { at: fmtDate(a.hearingAt) })) : null,
    a.commission ? h('p.muted', t('appeal.signerNow', { name: a.commission.signer.name }), a.commission.chairAbsent ? ' ' + t('appeal.chairAbsent') : '') : h('p.problem', t('appeal.noCommission')),
    decisionBlock(a), actions(a, reload));
}

async function setupForm(reload) {
  const [users, exams, sittings] = await Promise.all([api('/api/users'), api('/api/exams').catch(() => []), api('/api/oral/sittings').catch(() => [])]);
  const staff = users.filter(u => !u.roles.includes('STUDENT') && u.state === AccountState.ACTIVE);
  const pick = (cls, multiple) => h('select.' + cls, { multiple }, multiple ? null : h('option', { value: '' }, '—'),
    staff.map(u => h('option', { value: u.id }, `${u.fullName} (${u.login})`)));
  const scope = h('select.scope-id', { 'aria-label': t('appeal.scope') },
    h('option', { value: '' }, '—'),
    h('optgroup', { label: t('appeal.scope.exam') }, exams.map(e => h('option', { value: 'examId:' + e.id }, `${e.title} — ${e.groupCode} (${e.academicPeriod})`))),
    h('optgroup', { label: t('appeal.scope.sitting') }, sittings.map(x => h('option', { value: 'sittingId:' + x.id }, `${x.title} — ${fmtDay(x.date)}`))));
  const chair = pick('chair'), deputy = pick('deputy'), members = pick('members', true);
  const title = h('input.commission-title', { value: t('appeal.commission') });
  const result = h('div', { 'aria-live': 'polite' });
  return h('details.card', h('summary', t('appeal.setup')),
    h('label', t('appeal.scope')), scope,
    h('label', t('appeal.commission')), title,
    h('div.row', h('div', h('label', t('appeal.chair')), chair), h('div', h('label', t('appeal.deputy')), deputy)),
    h('label', t('appeal.members')), members,
    h('div.actions', h('button.primary', { onclick: async () => {
      const [key, id] = scope.value.split(':');
      try {
        await api('/api/appeal-commissions', { method: 'POST', body: { [key || 'examId']: id || null, title: title.value, chairId: chair.value || null,
          deputyId: deputy.value || null, memberIds: [...members.selectedOptions].map(o => o.value) } });
        notify(t('core.saved'), 'ok'); await reload();
      } catch (x) { result.replaceChildren(h('div.problem', { role: 'alert' }, x.message)); }
    } }, t('appeal.create'))), result);
}

page({ bundles: ['appeal'], title: 'appeal.chairTitle', async render(main) {
  main.append(h('h1', t('appeal.chairTitle')), h('p.muted', t('appeal.chairIntro')));
  const box = h('div');
  main.append(box);
  const me = user();
  async function reload() {
    const [list, commissions] = await Promise.all([api('/api/appeals/commission'), api('/api/appeal-commissions')]);
    const admin = hasRole('DEAN', 'SYSTEM_ADMIN');
    box.replaceChildren(...[
      admin ? await setupForm(reload) : null,
      commissions.length ? h('section', h('h2', t('appeal.commissions')), h('table#commissions',
        h('thead', h('tr', ['appeal.commission', 'appeal.chair', 'appeal.deputy', 'appeal.members', ''].map(k => h('th', k ? t(k) : '')))),
        h('tbody', commissions.map(c => h('tr', { dataset: { commission: c.id } }, h('td', c.title),
          h('td', c.chair.name, c.chairAbsent ? [' ', h('span.badge.warn', t('appeal.absent'))] : null), h('td', c.deputy.name),
          h('td', c.members.map(m => m.name).join(', ')),
          h('td', (admin || c.chair.id === me.id) ? h('button.chair-absence', { onclick: async () => {
            try { await api(`/api/appeal-commissions/${c.id}/chair-absence`, { method: 'POST', body: { absent: !c.chairAbsent } }); await reload(); }
            catch (x) { notify(x.message, 'error'); }
          } }, t(c.chairAbsent ? 'appeal.chairBack' : 'appeal.markAbsent')) : null)))))) : null,
      h('h2', t('appeal.cases')),
      list.length ? h('div#appeal-cases', list.map(a => caseCard(a, reload))) : h('p.muted', t('appeal.none'))].filter(Boolean));
  }
  await reload();
} });
