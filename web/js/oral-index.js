// @ts-check
// Oral exams in an emergency: my sittings, and the setup form for a head of department, dean or admin.
import { page, h, t, api, ApiError, problemView, hasRole, fmtDay, dayInZone } from '/js/adal.js';
import { AccountState } from '/js/states.js';

const SETUP_ROLES = ['HEAD_OF_DEPARTMENT', 'DEAN', 'SYSTEM_ADMIN'];

page({ bundles: ['oral'], title: 'oral.title', async render(main) {
  const sittings = await api('/api/oral/sittings');
  main.append(h('h1', t('oral.title')), h('p.muted', t('oral.intro')),
    h('div.card', h('h2', t('oral.mySittings')), sittings.length
      ? h('table#sittings', h('thead', h('tr', ['oral.date', 'oral.sitting', 'oral.programme', 'oral.myRoles', 'core.actions'].map(k => h('th', t(k))))),
        h('tbody', sittings.map(s => h('tr', { dataset: { sitting: s.id } }, h('td', fmtDay(s.date)), h('td', s.title), h('td', `${s.programme} (${s.language})`),
          h('td', s.myRoles.map(r => t('oral.role.' + r)).join(', ') || '—'),
          h('td', s.myRoles.length || hasRole('SYSTEM_ADMIN') ? h('a.button', { href: `/oral/room.html?sitting=${s.id}` }, t('oral.enter'))
            : h('span.muted.not-participant', t('oral.notParticipant')))))))
      : h('p', t('oral.none'))));
  if (hasRole(...SETUP_ROLES)) main.append(await setupForm());
} });

async function setupForm() {
  const [staff, students] = await Promise.all([api('/api/users'), api('/api/users?role=STUDENT')]);
  const people = staff.filter(u => u.state === AccountState.ACTIVE && !(u.roles.length === 1 && u.roles[0] === 'STUDENT'));
  const pick = (id, label, filter = () => true) => h('div', h('label', { for: id }, t(label)),
    h('select#' + id, { required: true }, h('option', { value: '' }, '—'), people.filter(filter).map(u => h('option', { value: u.id }, `${u.fullName} (${u.login})`))));
  const out = h('div', { 'aria-live': 'polite' });
  const today = dayInZone();
  const form = h('form.card#setup', { onsubmit: async e => {
      e.preventDefault(); out.replaceChildren();
      const val = id => form.querySelector('#' + id).value;
      const order = [...form.querySelectorAll('input[name=student]:checked')]
        .map(c => ({ id: c.value, pos: Number(form.querySelector(`#pos-${c.value}`).value) || 999 }))
        .sort((a, b) => a.pos - b.pos).map(x => x.id);
      const body = {
        title: val('s-title'), emergencyBasis: val('s-basis'), studyLevel: val('s-level'), date: val('s-date'),
        programme: val('s-programme'), language: val('s-language'), chairId: val('s-chair') || null,
        memberIds: [...form.querySelectorAll('input[name=member]:checked')].map(c => c.value),
        secretaryId: val('s-secretary') || null, headId: val('s-head') || null, studentIds: order,
        allowRepeatTickets: form.querySelector('#s-repeat').checked,
        preparationMinutes: Number(val('s-prep')), answerMinutes: Number(val('s-answer')), ticketText: val('s-tickets'),
      };
      try {
        const room = await api('/api/oral/sittings', { method: 'POST', body });
        // into the room only for its participants: a dean who set it up is not one
        if (room.myRoles.length || hasRole('SYSTEM_ADMIN')) location.href = `/oral/room.html?sitting=${room.sittingId}`;
        else location.reload();
      } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
    } },
    h('h2', t('oral.setup')),
    h('label', { for: 's-basis' }, t('oral.basis')), h('textarea#s-basis', { required: true, placeholder: t('oral.basisHint') }),
    h('div.row',
      h('div', h('label', { for: 's-title' }, t('oral.sitting')), h('input#s-title')),
      h('div', h('label', { for: 's-level' }, t('oral.level')), h('select#s-level', h('option', { value: 'BACHELOR' }, t('oral.bachelor')))),
      h('div', h('label', { for: 's-date' }, t('oral.date')), h('input#s-date', { type: 'date', required: true, value: today }))),
    h('div.row',
      h('div', h('label', { for: 's-programme' }, t('oral.programme')), h('input#s-programme', { required: true, value: '6B06102 Information systems' })),
      h('div', h('label', { for: 's-language' }, t('oral.language')), h('select#s-language', ['kk', 'ru', 'en'].map(l => h('option', { value: l }, l))))),
    h('h3', t('oral.commission')),
    h('div.row', pick('s-chair', 'oral.role.CHAIR'), pick('s-secretary', 'oral.role.SECRETARY'),
      pick('s-head', 'oral.role.HEAD', u => u.roles.includes('HEAD_OF_DEPARTMENT'))),
    h('fieldset', h('legend', t('oral.members')), h('div.grid', people.map(u => h('label.inline', h('input', { type: 'checkbox', name: 'member', value: u.id }), ' ', `${u.fullName} (${u.login})`)))),
    h('fieldset', h('legend', t('oral.admitted')), h('p.muted', t('oral.admittedHint')),
      h('table', h('tbody', students.map(u => h('tr',
        h('td', h('label.inline', h('input', { type: 'checkbox', name: 'student', value: u.id }), ' ', `${u.fullName} (${u.login}, ${u.groupCode || '—'}, ${u.instructionLanguage || '—'})`)),
        h('td', u.curriculumCompleted ? h('span.badge.ok', t('oral.curriculumDone')) : h('span.badge.bad', t('oral.curriculumNotDone'))),
        h('td', h('label.sr-only', { for: `pos-${u.id}` }, t('oral.order')), h('input', { id: `pos-${u.id}`, type: 'number', min: 1, placeholder: t('oral.order'), style: 'width:6rem' }))))))),
    h('div.row',
      h('div', h('label', { for: 's-prep' }, t('oral.prepMinutes')), h('input#s-prep', { type: 'number', min: 1, max: 20, value: 20 })),
      h('div', h('label', { for: 's-answer' }, t('oral.answerMinutes')), h('input#s-answer', { type: 'number', min: 1, max: 15, value: 15 }))),
    h('label.inline', h('input#s-repeat', { type: 'checkbox' }), ' ', t('oral.allowRepeat')),
    h('label', { for: 's-tickets' }, t('oral.tickets')), h('p.muted', t('oral.ticketsHint')),
    h('textarea#s-tickets', { rows: 10, placeholder: '1. …\n2. …\n3. …\n\n1. …' }),
    out,
    h('div.actions', h('button.primary#setup-save', { type: 'submit' }, t('oral.create'))));
  return form;
}
