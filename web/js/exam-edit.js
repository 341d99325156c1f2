// @ts-check
import { page, h, t, api, ApiError, problemView, $ } from '/js/adal.js';
import { STAFF, param } from '/js/exam-common.js';

const KINDS = ['INTERMEDIATE_ATTESTATION', 'INTERMEDIATE_CONTROL', 'CURRENT_CONTROL', 'FINAL_ATTESTATION_TEST'];
const FIELDS = ['title', 'kind', 'groupCode', 'academicPeriod', 'bankVersionId', 'discipline', 'topics', 'questionCount',
  'durationMinutes', 'attemptsAllowed', 'multipleCorrectRule', 'opensAt', 'closesAt', 'lateStartPolicy', 'resultsVisibleAt',
  'deliveryMode', 'deliveryReason'];

function localValue(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function isoValue(local) { return local ? new Date(local).toISOString() : null; }
function defaultPeriod(d = new Date()) {
  const y = d.getFullYear(), m = d.getMonth() + 1;
  const start = m >= 9 ? y : y - 1;
  return `${start}-${start + 1}/${m >= 9 || m === 1 ? 1 : 2}`;
}

page({ bundles: ['exam'], roles: STAFF, title: 'exam.form', async render(main) {
  const id = param('id');
  const [groups, banks, exam] = await Promise.all([api('/api/exams/options/groups'), api('/api/exams/options/banks'),
    id ? api(`/api/exams/${id}`) : Promise.resolve(null)]);

  const field = (name, label, control, hint) => h('div.field', { dataset: { field: name } },
    h('label', { for: 'f-' + name }, t(label)), control,
    hint ? h('p.muted', { id: 'hint-' + name }, hint) : null,
    h('p.field-error', { id: 'err-' + name, 'aria-live': 'polite' }));
  const input = (name, attrs = {}) => h('input#f-' + name, { name, 'aria-describedby': 'err-' + name, ...attrs });
  const select = (name, options, value) => h('select#f-' + name, { name, 'aria-describedby': 'err-' + name },
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));

  const now = new Date(); now.setMinutes(0, 0, 0); now.setHours(now.getHours() + 1);
  const e = exam || { kind: 'INTERMEDIATE_ATTESTATION', questionCount: 30, durationMinutes: 50, attemptsAllowed: 1,
    academicPeriod: defaultPeriod(), opensAt: now.toISOString(), closesAt: new Date(now.getTime() + 86400000).toISOString(),
    lateStartPolicy: 'REFUSE_AFTER_CLOSE_MINUS_DURATION', deliveryMode: 'REMOTE_PROCTORED', multipleCorrectRule: 'ALL_OR_NOTHING',
    topics: [] };

  const topicsBox = h('fieldset#f-topics.topics', { 'aria-describedby': 'err-topics' }, h('legend', t('exam.topics')));
  const pool = h('p.muted#pool', { 'aria-live': 'polite' });
  function renderTopics(keep) {
    const bank = banks.find(b => b.versionId === $('#f-bankVersionId').value);
    topicsBox.replaceChildren(h('legend', t('exam.topics')));
    if (!bank) return;
    bank.topics.forEach(tp => {
      const checked = keep ? keep.includes(tp.topic) : true;
      topicsBox.append(h('label.check', h('input', { type: 'checkbox', name: 'topic', value: tp.topic, checked, onchange: changed }),
        ` ${tp.topic} (${tp.questions})`));
    });
    $('#f-discipline').placeholder = bank.discipline;
    updatePool();
  }
  function updatePool() {
    const bank = banks.find(b => b.versionId === $('#f-bankVersionId').value);
    if (!bank) { pool.textContent = ''; return; }
    const chosen = [...topicsBox.querySelectorAll('input:checked')].map(c => c.value);
    const n = bank.topics.filter(tp => chosen.includes(tp.topic)).reduce((s, tp) => s + tp.questions, 0);
    pool.textContent = t('exam.eligible', { n });
  }

  const form = h('form.card#exam-form', { novalidate: true, onsubmit: save },
    h('div.row',
      field('title', 'exam.title', input('title', { value: e.title || '', required: true })),
      field('kind', 'exam.kind', select('kind', KINDS.map(k => [k, t('exam.kind.' + k)]), e.kind))),
    h('div.row',
      field('groupCode', 'exam.group', select('groupCode', [['', '—'], ...groups.map(g => [g.groupCode, `${g.groupCode} (${g.language}, ${g.students})`])], e.groupCode)),
      field('academicPeriod', 'exam.period', input('academicPeriod', { value: e.academicPeriod || '', placeholder: '2026-2027/1' }))),
    h('div.row',
      field('bankVersionId', 'exam.bank', select('bankVersionId', [['', '—'], ...banks.map(b => [b.versionId, `${b.title} v${b.number} (${b.language})`])], e.bankVersionId)),
      field('discipline', 'exam.discipline', input('discipline', { value: exam ? e.discipline : '' }), t('exam.disciplineHint'))),
    h('div.field', { dataset: { field: 'topics' } }, topicsBox, pool, h('p.field-error', { id: 'err-topics', 'aria-live': 'polite' })),
    h('div.row',
      field('questionCount', 'exam.questionCount', input('questionCount', { type: 'number', min: 1, value: e.questionCount })),
      field('durationMinutes', 'exam.duration', input('durationMinutes', { type: 'number', min: 1, value: e.durationMinutes })),
      field('attemptsAllowed', 'exam.attempts', input('attemptsAllowed', { type: 'number', min: 1, value: e.attemptsAllowed }))),
    h('p.muted', t('exam.limitsHint')),
    h('div.row',
      field('opensAt', 'exam.opensAt', input('opensAt', { type: 'datetime-local', value: localValue(e.opensAt) })),
      field('closesAt', 'exam.closesAt', input('closesAt', { type: 'datetime-local', value: localValue(e.closesAt) })),
      field('lateStartPolicy', 'exam.lateStart', select('lateStartPolicy', ['REFUSE_AFTER_CLOSE_MINUS_DURATION', 'CUT_AT_CLOSE']
        .map(p => [p, t('exam.late.' + p)]), e.lateStartPolicy))),
    h('div.row',
      field('resultsVisibleAt', 'exam.resultsAt', input('resultsVisibleAt', { type: 'datetime-local', value: localValue(e.resultsVisibleAt) }), t('exam.resultsHint')),
      field('multipleCorrectRule', 'exam.multipleRule', select('multipleCorrectRule', ['ALL_OR_NOTHING', 'PARTIAL_CREDIT']
        .map(r => [r, t('exam.rule.' + r)]), e.multipleCorrectRule))),
    h('div.row',
      field('deliveryMode', 'exam.delivery', select('deliveryMode', ['REMOTE_PROCTORED', 'SUPERVISED_ON_CAMPUS']
        .map(m => [m, t('exam.mode.' + m)]), e.deliveryMode)),
      field('deliveryReason', 'exam.deliveryReason', h('textarea#f-deliveryReason', { name: 'deliveryReason', 'aria-describedby': 'err-deliveryReason' }, e.deliveryReason || ''))),
    h('p#check-status', { role: 'status', 'aria-live': 'polite' }),
    h('div#other-problems'),
    h('div.actions', h('button.primary#save', { type: 'submit' }, t('core.save')),
      h('a.button', { href: '/exam/index.html' }, t('core.cancel'))));
  const out = h('div#save-result', { 'aria-live': 'polite' });
  main.append(h('h1', t(exam ? 'exam.editTitle' : 'exam.new')), form, out);
  if (id) main.append(await sebCard(id));
  renderTopics(exam ? e.topics : null);

  function request() {
    const v = n => form.elements[n].value;
    const num = n => v(n) === '' ? null : Number(v(n));
    return { title: v('title'), kind: v('kind'), groupCode: v('groupCode') || null, academicPeriod: v('academicPeriod'),
      bankVersionId: v('bankVersionId') || null, discipline: v('discipline') || null,
      topics: [...topicsBox.querySelectorAll('input:checked')].map(c => c.value),
      questionCount: num('questionCount'), durationMinutes: num('durationMinutes'), attemptsAllowed: num('attemptsAllowed'),
      multipleCorrectRule: v('multipleCorrectRule'), opensAt: isoValue(v('opensAt')), closesAt: isoValue(v('closesAt')),
      lateStartPolicy: v('lateStartPolicy'), resultsVisibleAt: isoValue(v('resultsVisibleAt')), deliveryMode: v('deliveryMode'),
      deliveryReason: v('deliveryReason') || null };
  }

  function show(problems) {
    FIELDS.forEach(f => { const el = $('#err-' + f); if (el) el.textContent = ''; const c = $('#f-' + f); if (c) c.removeAttribute('aria-invalid'); });
    const other = [];
    problems.forEach(p => {
      const el = $('#err-' + p.field);
      if (el) { el.textContent = el.textContent ? el.textContent + ' ' + p.message : p.message; $('#f-' + p.field)?.setAttribute('aria-invalid', 'true'); }
      else other.push(p);
    });
    $('#other-problems').replaceChildren(...other.map(p => h('div.problem', p.message)));
    const status = $('#check-status');
    status.className = problems.length ? 'field-error' : 'ok-text';
    status.textContent = problems.length ? t('exam.problems', { n: problems.length }) : t('exam.checkOk');
  }

  let timer = null;
  function changed(ev) {
    if (ev?.target?.name === 'bankVersionId') renderTopics(null);
    if (ev?.target?.name === 'topic') updatePool();
    clearTimeout(timer);
    timer = setTimeout(check, 350);
  }
  async function check() {
    try {
      const r = await api('/api/exams/check' + (id ? `?exam=${id}` : ''), { method: 'POST', body: request() });
      show(r.problems);
    } catch (x) { /* the save shows it */ }
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);

  async function save(ev) {
    ev.preventDefault();
    out.replaceChildren();
    try {
      const saved = await api(id ? `/api/exams/${id}` : '/api/exams', { method: id ? 'PUT' : 'POST', body: request() });
      show([]);
      out.append(h('div.okbox#saved', t('exam.saved'), ' ', h('a', { href: `/exam/students.html?id=${saved.id}` }, saved.title)));
      out.querySelector('a').focus();
    } catch (x) {
      if (x instanceof ApiError && Array.isArray(x.errors) && x.errors.length && x.errors[0].field !== undefined) show(x.errors);
      out.append(x instanceof ApiError ? problemView({ message: x.message, errors: [] }) : h('div.problem', String(x)));
    }
  }
  check();
} });

/** Safe Exam Browser for this exam (optional): on or off, and keys of the university's own .seb files. */
async function sebCard(id) {
  const cfg = await api(`/api/exams/${id}/seb`);
  const on = h('input#seb-required', { type: 'checkbox', checked: cfg.required });
  const extra = h('textarea#seb-extra', { rows: 3, 'aria-describedby': 'seb-extra-hint' }, cfg.extraConfigKeys.join('\n'));
  const bek = h('textarea#seb-bek', { rows: 3, 'aria-describedby': 'seb-bek-hint' }, cfg.browserExamKeys.join('\n'));
  const out = h('div#seb-result', { 'aria-live': 'polite' });
  const lines = el => el.value.split(/\s+/).filter(Boolean);
  async function saveSeb() {
    out.replaceChildren();
    try {
      await api(`/api/exams/${id}/seb`, { method: 'PUT', body: { required: on.checked, extraConfigKeys: lines(extra), browserExamKeys: lines(bek) } });
      out.append(h('div.okbox', t('exam.seb.saved')));
    } catch (x) { out.append(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
  }
  return h('section.card#seb', { 'aria-labelledby': 'seb-h' }, h('h2#seb-h', t('exam.seb.title')), h('p.muted', t('exam.seb.about')),
    h('label.inline-check', on, ' ', t('exam.seb.required')),
    h('p', t('exam.seb.key'), ' ', h('code#seb-key', cfg.configKey)),
    h('label', { for: 'seb-extra' }, t('exam.seb.extra')), extra, h('p.muted#seb-extra-hint', t('exam.seb.extraHint')),
    h('label', { for: 'seb-bek' }, t('exam.seb.bek')), bek, h('p.muted#seb-bek-hint', t('exam.seb.bekHint')),
    h('div.actions', h('button.primary#seb-save', { type: 'button', onclick: saveSeb }, t('core.save'))), out);
}
