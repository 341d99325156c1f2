// @ts-check
// The student's appeals: file one within 48 hours (001 §6.15.4), follow its hearing and decision.
import { page, h, t, api, notify, readFile, fmtDate, $, safeHref } from '/js/adal.js';
import { base64, deadlines, decisionBlock, stateBadge, download, receiptBlock } from '/js/casework-appeal-common.js';
import { AppealDecision, AppealState } from '/js/states.js';

function appealCard(a) {
  return h('article.case', { dataset: { appeal: a.id } },
    h('h3', a.title, ' ', stateBadge('appeal.state.', a.state, a.state === AppealState.DECIDED ? (a.decision === AppealDecision.UPHELD ? 'ok' : '') : 'warn')),
    h('p.muted', t('appeal.filedAt', { at: fmtDate(a.filedAt) }), a.currentGrade ? ' · ' + t('appeal.currentGrade', { grade: a.currentGrade }) : ''),
    h('p.reason', a.reason),
    a.attachmentName ? h('p', h('button.link', { onclick: () => download(`/api/appeals/${a.id}/attachment`, a.attachmentName) }, a.attachmentName)) : null,
    a.evidenceLink ? h('p', h('a.evidence', { href: a.evidenceLink }, t('appeal.evidence'))) : null,
    receiptBlock(a),
    deadlines(a),
    a.hearingAt ? h('p.hearing', t('appeal.hearingAt', { at: fmtDate(a.hearingAt) }), safeHref(a.hearingLink) ? [' · ', h('a.hearing-join', { href: safeHref(a.hearingLink), target: '_blank', rel: 'noopener noreferrer' }, t('appeal.join'))] : null) : null,
    a.commission ? h('p.muted', t('appeal.to', { name: a.commission.signer.name })) : h('p.muted', t('appeal.noCommission')),
    decisionBlock(a));
}

page({ bundles: ['appeal'], roles: ['STUDENT'], title: 'appeal.title', async render(main) {
  main.append(h('h1', t('appeal.title')), h('p.muted', t('appeal.intro')));
  const formBox = h('div#appeal-form');
  const optionsBox = h('section', { 'aria-labelledby': 'opts-h' });
  const mineBox = h('section', { 'aria-labelledby': 'mine-h' });
  main.append(optionsBox, formBox, mineBox);

  function openForm(o) {
    const reason = h('textarea#reason', { rows: 5, required: true, maxlength: 4000 });
    const file = h('input#attachment', { type: 'file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' });
    // the receipt the exam page gave (a test only): the commission sees whether the stored answers match it
    const receipt = o.attemptId ? h('input#receipt', { type: 'file', accept: '.json,application/json' }) : null;
    const result = h('div', { 'aria-live': 'polite' });
    const submit = h('button.primary#file-appeal', { type: 'submit' }, t('appeal.submit'));
    const form = h('form.card', { onsubmit: async e => {
      e.preventDefault();
      submit.disabled = true;
      result.replaceChildren();
      try {
        const body = { attemptId: o.attemptId, turnId: o.turnId, reason: reason.value };
        const f = file.files[0];
        if (f) { body.attachmentName = f.name; body.attachmentBase64 = base64(await readFile(f)); }
        if (receipt?.files[0]) body.receipt = await receipt.files[0].text();
        await api('/api/appeals', { method: 'POST', body });
        notify(t('appeal.filed'), 'ok');
        formBox.replaceChildren(h('div.okbox', t('appeal.filed')));
        await reload();
      } catch (x) {
        const closes = x.errors?.[0]?.closesAt;
        result.replaceChildren(h('div.problem.refusal', { role: 'alert' },
          h('strong', x.code === 'APPEAL_FILING_CLOSED' ? t('appeal.refused') : (x.message || t('core.error'))),
          x.code === 'APPEAL_FILING_CLOSED' ? [h('p', x.message), closes ? h('p.closed-at', t('appeal.closedAt', { at: fmtDate(closes) })) : null] : null));
        submit.disabled = false;
      }
    } },
      h('h2', t('appeal.fileFor', { title: o.title })),
      h('p.muted', o.closesAt ? t('appeal.window', { at: fmtDate(o.closesAt) }) : t('appeal.notPublished')),
      h('label', { for: 'reason' }, t('appeal.reason')), h('p.muted', t('appeal.reasonHint')), reason,
      h('label', { for: 'attachment' }, t('appeal.attachment')), file, h('p.muted', t('appeal.attachmentHint')),
      receipt ? [h('label', { for: 'receipt' }, t('appeal.receipt')), receipt, h('p.muted', t('appeal.receiptHint'))] : null,
      o.attemptId ? h('p', h('a', { href: `/student/evidence.html?attempt=${o.attemptId}` }, t('appeal.evidence'))) : null,
      h('div.actions', submit, h('button', { type: 'button', onclick: () => formBox.replaceChildren() }, t('appeal.cancel'))), result);
    formBox.replaceChildren(form);
    reason.focus();
  }

  async function reload() {
    const [options, mine] = await Promise.all([api('/api/appeals/options'), api('/api/appeals/mine')]);
    optionsBox.replaceChildren(h('h2#opts-h', t('appeal.options')),
      options.length ? h('table#appeal-options', h('thead', h('tr', ['appeal.exam', 'appeal.grade', 'appeal.ended', 'appeal.closes', ''].map(k => h('th', k ? t(k) : '')))),
        h('tbody', options.map(o => h('tr', { dataset: { attempt: o.attemptId || '', turn: o.turnId || '' } },
          h('td', o.title, h('div.muted', t('appeal.kind.' + o.kind))), h('td', o.grade || '—'), h('td', fmtDate(o.examEndedAt)),
          h('td', o.closesAt ? fmtDate(o.closesAt) : '—', ' ', o.open ? h('span.badge.ok', t('appeal.open')) : h('span.badge', t('appeal.why.' + o.notOpenReason))),
          h('td', o.appealId ? h('span.badge', t('appeal.already'))
            // nothing to appeal before the result is published (001 §6.15.4); after the 48 hours the button stays,
            // so the refusal can say when the window closed
            : h('button.file', { type: 'button', onclick: () => openForm(o), disabled: o.notOpenReason === 'RESULT_NOT_PUBLISHED',
              title: o.open ? null : t('appeal.why.' + o.notOpenReason) }, t('appeal.fileButton')))))))
        : h('p.muted', t('appeal.noOptions')));
    mineBox.replaceChildren(h('h2#mine-h', t('appeal.mine')), mine.length ? h('div#my-appeals', mine.map(appealCard)) : h('p.muted', t('appeal.none')));
    const focus = new URLSearchParams(location.search).get('id');
    if (focus) $(`[data-appeal="${focus}"]`)?.scrollIntoView();
  }
  await reload();
} });
