// @ts-check
import { page, h, t, api, problemView, notify, readFile, fmtDate, $, confirmDialog } from '/js/adal.js';
import { BankVersionState, ExpertReviewState } from '/js/states.js';

const DIFFS = ['EASY', 'MEDIUM', 'HARD'];
const params = new URLSearchParams(location.search);

page({ bundles: ['bank'], roles: ['BANK_AUTHOR', 'HEAD_OF_DEPARTMENT', 'BANK_EXPERT', 'TEACHER', 'SYSTEM_ADMIN'], title: 'bank.bank', async render(main) {
  const bank = await api(`/api/banks/${params.get('bank')}`);
  const versionId = params.get('v') || bank.versions[0].id;
  let v;
  try { v = await api(`/api/bank-versions/${versionId}`); }
  catch (e) {
    main.append(h('h1', bank.title), problemView(e), versionsTable(bank));
    return;
  }
  const canEdit = v.canEdit && v.editable;
  const body = h('div');
  const tabs = [['passport', 'bank.tab.passport'], ['questions', 'bank.tab.questions'], ['import', 'bank.tab.import'],
    ['approval', 'bank.tab.approval'], ['versions', 'bank.tab.versions']];
  const current = params.get('tab') || 'questions';
  const tabBar = h('div.tabs', { role: 'tablist' }, tabs.map(([id, key]) => h('button', { role: 'tab', id: 'tab-' + id,
    'aria-selected': String(id === current), onclick: () => { params.set('tab', id); location.search = params.toString(); } }, t(key))));

  main.append(
    h('h1', `${v.bankTitle} — ${t('bank.version')} ${v.number}`),
    h('p', h('span.badge' + (v.state === BankVersionState.DRAFT ? '.warn' : '.ok'), t('bank.vstate.' + v.state)), ' ',
      v.validation.issues.length === 0 ? h('span.badge.ok', t('bank.valid')) : h('span.badge.bad', t('bank.invalid', { n: v.validation.issues.length })), ' ',
      h('span.muted', `${v.questions.length} ${t('bank.questionsCount')} · ${t('bank.easy')} ${v.validation.counts.EASY || 0} / ${t('bank.medium')} ${v.validation.counts.MEDIUM || 0} / ${t('bank.hard')} ${v.validation.counts.HARD || 0}`)),
    v.state !== BankVersionState.DRAFT && v.canEdit ? h('div.okbox', t('bank.frozenHint'), ' ', h('button#new-version', { onclick: async () => {
      try { const nv = await api(`/api/bank-versions/${v.id}/new-version`, { method: 'POST' }); location.href = `/bank/version.html?bank=${bank.id}&v=${nv.id}`; }
      catch (x) { notify(x.message, 'error'); }
    } }, t('bank.newVersion'))) : '',
    tabBar, body);

  const panels = { passport, questions, import: importPanel, approval, versions: () => versionsTable(bank) };
  body.append(await panels[current]());

  // ---------------------------------------------------------------- passport
  function passport() {
    const p = v.passport;
    const out = h('div', { 'aria-live': 'polite' });
    const dis = !canEdit;
    const f = h('form.card', { onsubmit: async e => {
        e.preventDefault(); out.replaceChildren();
        try { await api(`/api/bank-versions/${v.id}/passport`, { method: 'PUT', body: { discipline: f.discipline.value, programme: f.programme.value,
          language: f.language.value, referenceMaterials: f.materials.value } }); notify(t('core.saved'), 'ok'); }
        catch (x) { out.append(problemView(x)); }
      } },
      h('h2', t('bank.passport')),
      h('div.row', h('div', h('label', { for: 'p-disc' }, t('bank.discipline')), h('input#p-disc', { name: 'discipline', value: p.discipline, disabled: dis })),
        h('div', h('label', { for: 'p-prog' }, t('bank.programme')), h('input#p-prog', { name: 'programme', value: p.programme, disabled: dis })),
        h('div', h('label', { for: 'p-lang' }, t('bank.language')), h('select#p-lang', { name: 'language', disabled: dis },
          ['kk', 'ru', 'en'].map(l => h('option', { value: l, selected: l === p.language }, t('lang.' + l)))))),
      h('p', h('strong', t('bank.compilers') + ': '), v.compilers.map(c => c.fullName).join(', ')),
      h('label', { for: 'p-mat' }, t('bank.materials')), h('textarea#p-mat', { name: 'materials', disabled: dis }, p.referenceMaterials || ''),
      h('h3', t('bank.materialFiles')),
      v.materials.length ? h('ul', v.materials.map(m => h('li', h('a', { href: '#', onclick: e => { e.preventDefault(); download(`/api/bank-materials/${m.id}`, m.fileName); } }, m.fileName),
        canEdit ? h('button.link', { type: 'button', onclick: async () => { await api(`/api/bank-materials/${m.id}`, { method: 'DELETE' }); location.reload(); } }, t('bank.delete')) : null)))
        : h('p.muted', t('core.none')),
      canEdit ? h('div', h('label', { for: 'p-file' }, t('bank.addMaterial')), h('input#p-file', { type: 'file', accept: 'application/pdf,image/*', onchange: async e => {
        const file = e.target.files[0]; if (!file) return;
        try { await api(`/api/bank-versions/${v.id}/materials?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: await readFile(file), headers: { 'Content-Type': file.type || 'application/octet-stream' } }); location.reload(); }
        catch (x) { out.append(problemView(x)); }
      } })) : null,
      out,
      canEdit ? h('div.actions', h('button.primary', { type: 'submit' }, t('core.save'))) : null,
      h('div.actions', h('button', { type: 'button', onclick: () => download(`/api/bank-versions/${v.id}/passport.pdf`, 'passport.pdf') }, t('bank.printPassport'))));
    return f;
  }

  // ---------------------------------------------------------------- questions
  function questions() {
    const wrap = h('div');
    const issues = v.validation.issues;
    if (issues.length) wrap.append(h('div.problem#validation', { role: 'status' }, h('strong', t('bank.validationTitle')),
      h('ul', issues.map(i => h('li', (i.questionIndex != null ? `#${i.questionIndex + 1}: ` : '') + i.message)))));
    if (canEdit) wrap.append(editor(null));
    const typicalOn = v.canEdit || v.canApprove;
    // the typical tasks are kept here, not read from the page: only one page of questions is drawn at a time
    const typical = new Set(v.questions.filter(q => q.typical).map(q => q.id));
    const decision = h('input#typical-decision', { value: bank.typicalDecision || '', 'aria-label': t('bank.typicalDecision'), placeholder: t('bank.typicalDecision') });
    const PAGE = 25;
    let shown = v.questions;
    let pageNo = 0;
    const search = h('input#q-search', { type: 'search', placeholder: t('bank.searchHint') });
    const diffFilter = h('select#q-diff', h('option', { value: '' }, t('bank.allDifficulties')),
      DIFFS.map(d => h('option', { value: d }, t('bank.' + d.toLowerCase()))));
    const count = h('p#q-count.muted', { 'aria-live': 'polite' });
    const list = h('ol.qlist', { lang: v.passport?.language || null });   // the questions speak the bank's language, not the page's
    const pager = h('nav.actions#q-pager', { 'aria-label': t('bank.pages') });
    // lower-cased text per question, built once: a 1,000-question bank filters on every keystroke without a pause
    const haystack = new Map(v.questions.map(q => [q.id, [q.stem, q.topic || '', ...q.options.map(o => o.text)].join('\n').toLowerCase()]));
    function filter() {
      const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      shown = v.questions.filter(q => (!diffFilter.value || q.difficulty === diffFilter.value)
        && words.every(w => haystack.get(q.id).includes(w)));
      pageNo = 0;
      draw();
    }
    function draw() {
      const pages = Math.max(1, Math.ceil(shown.length / PAGE));
      pageNo = Math.min(pageNo, pages - 1);
      const slice = shown.slice(pageNo * PAGE, pageNo * PAGE + PAGE);
      count.textContent = t('bank.shown', { from: shown.length ? pageNo * PAGE + 1 : 0, to: pageNo * PAGE + slice.length, n: shown.length, total: v.questions.length });
      list.start = pageNo * PAGE + 1;
      list.replaceChildren(...slice.map(questionCard));
      pager.replaceChildren(
        h('button#q-prev', { type: 'button', disabled: pageNo === 0, onclick: () => { pageNo--; draw(); list.focus(); } }, t('bank.prevPage')),
        h('span', t('bank.pageOf', { p: pageNo + 1, n: pages })),
        h('button#q-next', { type: 'button', disabled: pageNo >= pages - 1, onclick: () => { pageNo++; draw(); list.focus(); } }, t('bank.nextPage')));
      loadImages(list);
    }
    function questionCard(q) {
      return h('li.card', { id: 'q-' + q.id, dataset: { position: q.position } },
        h('div', h('span.badge', t('bank.' + q.difficulty.toLowerCase())), ' ', q.topic ? h('span.badge', q.topic) : null, ' ',
          typicalOn ? h('label.inline-check', h('input.typical', { type: 'checkbox', value: q.id, checked: typical.has(q.id),
            onchange: e => { if (e.target.checked) typical.add(q.id); else typical.delete(q.id); } }), ' ', t('bank.typical'))
            : (q.typical ? h('span.badge.ok', t('bank.typical')) : null)),
        h('p', h('strong', q.stem)),
        q.hasImage ? h('img.q-image', { alt: t('bank.image'), 'data-src': `/api/questions/${q.id}/image` }) : null,
        h('ol.options', { type: 'A' }, q.options.map(o => h('li' + (o.correct ? '.correct' : ''), o.text, o.correct ? ` ✓ (${t('bank.correct')})` : ''))),
        canEdit ? h('div.actions', h('button', { type: 'button', onclick: () => { const li = $('#q-' + q.id); li.replaceChildren(editor(q)); } }, t('bank.edit')),
          h('button.danger', { type: 'button', onclick: async () => { if (!confirm(t('bank.confirmDelete'))) return; await api(`/api/questions/${q.id}`, { method: 'DELETE' }); location.reload(); } }, t('bank.delete'))) : null);
    }
    let debounce;
    search.addEventListener('input', () => { clearTimeout(debounce); debounce = setTimeout(filter, 120); });
    diffFilter.addEventListener('change', filter);
    list.tabIndex = -1;
    wrap.append(h('div.card', h('h2', t('bank.tab.questions')),
      typicalOn ? h('div.row', h('div', decision), h('div.shrink', h('button#save-typical', { type: 'button', onclick: async () => {
        try { await api(`/api/bank-versions/${v.id}/typical`, { method: 'PUT', body: { questionIds: [...typical], decision: decision.value } }); notify(t('core.saved'), 'ok'); }
        catch (x) { notify(x.message, 'error'); }
      } }, t('bank.saveTypical')))) : null,
      h('div.row#q-filters', h('div', h('label', { for: 'q-search' }, t('core.search')), search),
        h('div.shrink', h('label', { for: 'q-diff' }, t('bank.difficulty')), diffFilter)),
      count, list, pager));
    draw();
    return wrap;
  }

  function editor(q) {
    const out = h('div', { 'aria-live': 'polite' });
    const preview = h('div.card.preview', { 'aria-live': 'polite' });
    const id = q ? q.id : 'new';
    const stem = h('textarea', { id: `e-stem-${id}`, name: 'stem', required: true }, q ? q.stem : '');
    const opts = [0, 1, 2, 3, 4].map(i => ({
      text: h('input', { id: `e-opt-${id}-${i}`, name: `opt${i}`, value: q ? q.options[i]?.text || '' : '', 'aria-label': `${t('bank.option')} ${'ABCDE'[i]}` }),
      correct: h('input', { type: 'checkbox', id: `e-cor-${id}-${i}`, checked: q ? !!q.options[i]?.correct : false, 'aria-label': `${t('bank.correct')} ${'ABCDE'[i]}` })
    }));
    const diff = h('select', { id: `e-diff-${id}`, name: 'difficulty' }, DIFFS.map(d => h('option', { value: d, selected: q && q.difficulty === d }, t('bank.' + d.toLowerCase()))));
    const topic = h('input', { id: `e-topic-${id}`, name: 'topic', value: q ? q.topic || '' : '', placeholder: 'week-1' });
    const body = () => ({ stem: stem.value, difficulty: diff.value, topic: topic.value, options: opts.map(o => ({ text: o.text.value, correct: o.correct.checked })) });
    const draw = () => {
      const b = body();
      preview.replaceChildren(h('strong', t('bank.preview')), h('p', b.stem || '…'),
        h('ol.options', { type: 'A' }, b.options.map(o => h('li' + (o.correct ? '.correct' : ''), o.text || '…', o.correct ? ' ✓' : ''))));
    };
    const form = h('form.card.editor', { oninput: draw, onsubmit: async e => {
        e.preventDefault(); out.replaceChildren();
        try {
          if (q) await api(`/api/questions/${q.id}`, { method: 'PUT', body: body() });
          else await api(`/api/bank-versions/${v.id}/questions`, { method: 'POST', body: body() });
          location.reload();
        } catch (x) { out.append(problemView(x)); }
      } },
      h('h2', q ? `${t('bank.edit')} #${q.position}` : t('bank.addQuestion')),
      h('label', { for: stem.id }, t('bank.stem')), stem,
      h('fieldset', h('legend', t('bank.options')), opts.map((o, i) => h('div.row', { style: 'align-items:center' },
        h('span', { style: 'flex:0;min-width:1.5rem;font-weight:700' }, 'ABCDE'[i]), o.text,
        h('label', { for: o.correct.id, style: 'flex:0;min-width:8rem;font-weight:400;margin:0' }, o.correct, ' ', t('bank.correct'))))),
      h('div.row', h('div', h('label', { for: diff.id }, t('bank.difficulty')), diff), h('div', h('label', { for: topic.id }, t('bank.topic')), topic)),
      q ? h('div', h('label', { for: `e-img-${id}` }, t('bank.imageUpload')), h('input', { id: `e-img-${id}`, type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp', onchange: async e => {
        const file = e.target.files[0]; if (!file) return;
        try { await api(`/api/questions/${q.id}/image`, { method: 'PUT', body: await readFile(file), headers: { 'Content-Type': file.type || 'application/octet-stream' } }); notify(t('core.saved'), 'ok'); }
        catch (x) { out.append(problemView(x)); }
      } })) : h('p.muted', t('bank.imageAfterSave')),
      preview, out,
      h('div.actions', h('button.primary', { type: 'submit' }, t('core.save')), q ? h('button', { type: 'button', onclick: () => location.reload() }, t('core.cancel')) : null));
    draw();
    return form;
  }

  // ---------------------------------------------------------------- import / export
  function importPanel() {
    const out = h('div#import-result', { 'aria-live': 'polite' });
    const format = h('select#i-format', {}, ['AIKEN', 'GIFT', 'MOODLE_XML'].map(f => h('option', { value: f }, t('bank.format.' + f))));
    const dd = h('select#i-diff', {}, h('option', { value: '' }, '—'), DIFFS.map(d => h('option', { value: d.toLowerCase() }, t('bank.' + d.toLowerCase()))));
    const topic = h('input#i-topic', { placeholder: 'week-1' });
    const file = h('input#i-file', { type: 'file', accept: '.txt,.gift,.xml' });
    const query = extra => `?format=${format.value}&defaultDifficulty=${dd.value}&defaultTopic=${encodeURIComponent(topic.value)}${extra || ''}`;
    const send = async (action, extra) => {
      const bytes = await readFile(file.files[0]);
      return api(`/api/bank-versions/${v.id}/import/${action}${query(extra)}`, { method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
    };
    const previewBtn = h('button.primary#i-preview', { type: 'button', onclick: async () => {
      out.replaceChildren();
      if (!file.files[0]) { out.append(h('div.problem', t('bank.chooseFile'))); return; }
      try {
        const p = await send('preview');
        out.append(h('h3', t('bank.previewCount', { n: p.questions.length, m: p.problems.length })));
        if (p.problems.length) out.append(h('div.problem#import-problems', h('strong', t('bank.problems')),
          h('ul', p.problems.map(x => h('li', `${t('core.line')} ${x.line}${x.itemNumber ? ` (#${x.itemNumber})` : ''}: ${x.message} [${x.code}]`)))));
        if (p.questions.length) out.append(h('details', { open: p.questions.length <= 10 }, h('summary', t('bank.parsed')),
          h('ol', p.questions.map(q => h('li', h('strong', q.stem), ` — ${q.difficulty ? t('bank.' + q.difficulty.toLowerCase()) : '?'}${q.topic ? ', ' + q.topic : ''}`,
            h('ol.options', { type: 'A' }, q.options.map(o => h('li' + (o.correct ? '.correct' : ''), o.text, o.correct ? ' ✓' : ''))))))));
        const apply = async extra => {
          try { const r = await send('apply', extra); out.replaceChildren(h('div.okbox#import-done', t('bank.imported', { n: r.imported, m: r.skipped }))); setTimeout(() => location.reload(), 1200); }
          catch (x) { out.append(problemView(x)); }
        };
        if (p.questions.length && p.problems.length === 0) out.append(h('div.actions', h('button.primary#i-apply', { onclick: () => apply() }, t('bank.apply', { n: p.questions.length }))));
        else if (p.questions.length) out.append(h('div.actions', h('button#i-apply-valid', { onclick: () => apply('&skipInvalid=true') }, t('bank.applyValid', { n: p.questions.length }))));
      } catch (x) { out.append(problemView(x)); }
    } }, t('bank.previewImport'));
    return h('div',
      canEdit ? h('div.card', h('h2', t('bank.import')), h('p.muted', t('bank.importHint')),
        h('div.row', h('div', h('label', { for: 'i-format' }, t('bank.format')), format), h('div', h('label', { for: 'i-diff' }, t('bank.defaultDifficulty')), dd),
          h('div', h('label', { for: 'i-topic' }, t('bank.defaultTopic')), topic)),
        h('label', { for: 'i-file' }, t('bank.file')), file, h('div.actions', previewBtn), out) : h('p.muted', t('bank.frozenHint')),
      h('div.card', h('h2', t('bank.export')), h('div.actions', ['AIKEN', 'GIFT', 'MOODLE_XML'].map(f => h('button', { onclick: async () => {
        try { await download(`/api/bank-versions/${v.id}/export?format=${f}`, `bank-v${v.number}.${f === 'MOODLE_XML' ? 'xml' : f === 'GIFT' ? 'gift' : 'txt'}`); }
        catch (x) { notify(x.message, 'error'); }
      } }, t('bank.format.' + f))))));
  }

  // ---------------------------------------------------------------- approval and review
  async function approval() {
    const out = h('div', { 'aria-live': 'polite' });
    const wrap = h('div');
    wrap.append(submission());
    wrap.append(h('div.card', h('h2', t('bank.approval')),
      v.approval ? h('p.okbox', t('bank.approvedBy', { date: v.approval.approvedOn, minutes: v.approval.minutesNumber, who: v.approval.recordedBy }))
        : v.canApprove && v.state === BankVersionState.DRAFT ? (() => {
          const f = h('form#approve', { onsubmit: async e => {
              e.preventDefault(); out.replaceChildren();
              try { await api(`/api/bank-versions/${v.id}/approval`, { method: 'POST', body: { approvedOn: f.on.value, minutesNumber: f.minutes.value } }); location.reload(); }
              catch (x) { out.append(problemView(x)); }
            } },
            h('p.muted', t('bank.approvalHint')),
            h('div.row', h('div', h('label', { for: 'a-on' }, t('bank.meetingDate')), h('input#a-on', { name: 'on', type: 'date', required: true })),
              h('div', h('label', { for: 'a-min' }, t('bank.minutes')), h('input#a-min', { name: 'minutes', required: true }))),
            out, h('div.actions', h('button.primary', { type: 'submit' }, t('bank.approve'))));
          return f;
        })() : h('p.muted', t('bank.notApproved'))));
    const reviews = h('div.card', h('h2', t('bank.reviews')),
      v.reviews.length ? h('table', h('thead', h('tr', ['bank.expert', 'bank.academicYear', 'bank.state', 'bank.conclusion', 'bank.use', 'bank.validUntil', ''].map(k => h('th', k ? t(k) : '')))),
        h('tbody', v.reviews.map(r => h('tr', h('td', r.expert), h('td', r.academicYear), h('td', t('bank.review.' + r.state)),
          h('td', r.conclusion ? h('span.badge' + (r.conclusion === 'FIT' ? '.ok' : '.bad'), t('bank.conclusion.' + r.conclusion)) : '—'),
          h('td', [r.forComputer ? t('bank.computer') : null, r.forWritten ? t('bank.written') : null].filter(Boolean).join(', ') || '—'),
          h('td', r.validUntil || '—'),
          h('td', r.state === ExpertReviewState.CONCLUDED ? h('button.link', { onclick: () => download(`/api/reviews/${r.id}/conclusion.pdf`, 'conclusion.pdf') }, t('core.print')) : null)))))
        : h('p.muted', t('bank.noReviewsYet')));
    wrap.append(reviews);
    if (v.canApprove && v.state === BankVersionState.APPROVED) {
      const experts = await api('/api/experts');
      const rout = h('div', { 'aria-live': 'polite' });
      const sel = h('select#r-expert', {}, experts.map(e => h('option', { value: e.userId }, `${e.fullName} (${e.academicYear})`)));
      reviews.append(h('div.row', h('div', h('label', { for: 'r-expert' }, t('bank.assignExpert')), sel),
        h('div', { style: 'flex:0 0 auto' }, h('button#assign', { onclick: async () => {
          rout.replaceChildren();
          try { await api(`/api/bank-versions/${v.id}/reviews`, { method: 'POST', body: { expertId: sel.value } }); location.reload(); }
          catch (x) { rout.append(problemView(x)); }
        } }, t('bank.assign')))), rout);
    }
    return wrap;
  }

  /** The author's step before the meeting: send the draft to the department (001 §5.19); the head sees when. */
  function submission() {
    if (v.state !== BankVersionState.DRAFT) return h('div');
    const sent = v.submission;
    const box = h('div.card#submission', h('h2', t('bank.toDepartment')),
      sent ? h('p.okbox#sent-state', t('bank.sentBy', { at: fmtDate(sent.submittedAt), who: sent.submittedBy }), sent.note ? ` — ${sent.note}` : '')
        : h('p.muted#sent-state', t('bank.notSent')));
    if (!v.canEdit) return box;
    const passes = v.validation.issues.length === 0;
    const note = h('textarea#send-note', { rows: 2, maxlength: 2000 });
    const out = h('div', { 'aria-live': 'polite' });
    box.append(h('p.muted', t('bank.sendHint')),
      passes ? null : h('p.problem', t('bank.sendFixFirst', { n: v.validation.issues.length })),
      h('label', { for: 'send-note' }, t('bank.sendNote')), note,
      h('div.actions', h('button.primary#send-to-department', { type: 'button', disabled: !passes, onclick: async () => {
        out.replaceChildren();
        const yes = await confirmDialog({ title: t('bank.sendTitle'), text: t('bank.sendText', { n: v.questions.length, version: v.number }),
          ok: t(sent ? 'bank.sendAgain' : 'bank.send') });
        if (!yes) return;
        try { v = await api(`/api/bank-versions/${v.id}/submission`, { method: 'POST', body: { note: note.value } }); box.replaceWith(submission()); notify(t('bank.sent'), 'ok'); }
        catch (x) { out.append(problemView(x)); }
      } }, t(sent ? 'bank.sendAgain' : 'bank.send'))), out);
    return box;
  }
} });

function versionsTable(bank) {
  return h('div.card', h('h2', t('bank.tab.versions')), h('table', h('thead', h('tr', ['bank.version', 'bank.state', 'bank.questionsCount', 'bank.approval', 'bank.reviews'].map(k => h('th', t(k))))),
    h('tbody', bank.versions.map(x => h('tr', h('td', h('a', { href: `/bank/version.html?bank=${bank.id}&v=${x.id}` }, x.number)),
      h('td', t('bank.vstate.' + x.state)), h('td', x.questions), h('td', x.approval ? `${x.approval.approvedOn} № ${x.approval.minutesNumber}` : '—'),
      h('td', x.reviews.map(r => `${r.expert}: ${r.conclusion ? t('bank.conclusion.' + r.conclusion) : t('bank.review.' + r.state)}`).join('; ') || '—'))))));
}

async function download(path, name) {
  const r = await api(path, { raw: true });
  const blob = await r.blob();
  const a = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a); a.click(); a.remove();
}

async function loadImages(root) {
  for (const img of root.querySelectorAll('img[data-src]')) {
    try { const r = await api(img.dataset.src, { raw: true }); img.src = URL.createObjectURL(await r.blob()); } catch { /* no image */ }
  }
}
