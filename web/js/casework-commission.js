// @ts-check
import { page, h, t, api, ApiError, problemView, notify } from '/js/adal.js';
import { CommissionSeat } from '/js/states.js';

page({ bundles: ['casework'], roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'SYSTEM_ADMIN'], title: 'commission.title', async render(main) {
  main.append(h('h1', t('commission.title')), h('p.muted', t('commission.intro')));
  const exams = await api('/api/exams').catch(() => []);
  let examId = new URLSearchParams(location.search).get('exam') || (exams[0] && exams[0].id);
  const pick = h('select#c-exam', { onchange: e => { examId = e.target.value; history.replaceState(null, '', `?exam=${examId}`); load(); } },
    exams.map(x => h('option', { value: x.id, selected: x.id === examId }, `${x.title}${x.groupCode ? ' (' + x.groupCode + ')' : ''}`)));
  const current = h('div#current');
  const out = h('div', { 'aria-live': 'polite' });
  const f = h('form.card#commission', { onsubmit: async e => {
      e.preventDefault(); out.replaceChildren();
      try {
        const v = await api(`/api/exams/${examId}/commission`, { method: 'PUT', body: { chair: f.chair.value.trim(),
          members: f.members.value.split(',').map(s => s.trim()).filter(Boolean), secretary: f.secretary.value.trim() || null } });
        show(v); notify(t('core.saved'), 'ok');
      } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
    } },
    h('label', { for: 'c-chair' }, t('commission.chair')), h('input#c-chair', { name: 'chair', required: true }),
    h('label', { for: 'c-members' }, t('commission.members')), h('input#c-members', { name: 'members', required: true }),
    h('label', { for: 'c-secretary' }, t('commission.secretary')), h('input#c-secretary', { name: 'secretary' }),
    h('div.actions', h('button.primary#c-save', { type: 'submit' }, t('commission.save'))), out);
  main.append(h('label', { for: 'c-exam' }, t('commission.exam')), pick, current, f);

  function show(v) {
    current.replaceChildren(h('h2', t('commission.current')), v.seats.length ? h('ul.members', v.seats.map(s =>
      h('li', { dataset: { login: s.login } }, h('strong', t('act.seat.' + s.role)), ': ', s.name, ' ', h('span.muted', `${s.login}${s.email ? ' · ' + s.email : ''}`))))
      : h('p', t('commission.empty')));
    f.chair.value = (v.seats.find(s => s.role === CommissionSeat.CHAIR) || {}).login || '';
    f.members.value = v.seats.filter(s => s.role === CommissionSeat.MEMBER).map(s => s.login).join(', ');
    f.secretary.value = (v.seats.find(s => s.role === CommissionSeat.SECRETARY) || {}).login || '';
    f.hidden = !v.mayEdit;
  }
  async function load() {
    out.replaceChildren();
    if (!examId) return;
    try { show(await api(`/api/exams/${examId}/commission`)); }
    catch (x) { current.replaceChildren(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
  }
  await load();
} });
