// @ts-check
import { page, h, t, api, ApiError, problemView, notify, fmtDate, fmtDuration } from '/js/adal.js';
import { download } from '/js/exam-common.js';
import { ActState, CommissionSeat, MailStatus } from '/js/states.js';

const list = (items, render) => items && items.length ? h('ul', items.map(i => h('li', render(i)))) : h('p.muted', t('act.nothing'));
const interval = i => `${fmtDate(i.from)} – ${fmtDate(i.to)}${i.open ? ' (' + t('act.notRestored') + ')' : ''} · ${fmtDuration(i.seconds ?? (Date.parse(i.to) - Date.parse(i.from)) / 1000)} · ${i.what}`;

page({ bundles: ['casework', 'review'], title: 'act.title', async render(main) {
  const id = new URLSearchParams(location.search).get('id');
  const body = h('div#act');
  main.append(body);

  async function run(fn) {
    try { await fn(); await reload(); notify(t('core.saved'), 'ok'); }
    catch (x) { notify(x.message, 'error'); body.prepend(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
  }

  async function reload() {
    const a = await api(`/api/acts/${id}`);
    body.replaceChildren(...[
      h('h1', t('act.title')),
      h('div.act-head',
        h('span.badge#act-kind', t('act.kind.' + a.kind)),
        h('span.badge#act-state' + (a.state === ActState.DECIDED ? '.ok' : a.state === ActState.SIGNED ? '.warn' : ''), t('act.state.' + a.state)),
        h('strong', a.title),
        h('span', t('act.student'), ': ', a.student),
        a.attemptState ? h('span#attempt-state', t('act.attemptState'), ': ', t('review.state.' + a.attemptState)) : null,
        h('span#lost', t('act.lost'), ': ', fmtDuration(a.lostSeconds)),
        a.incomplete ? h('strong#incomplete', t('act.incomplete', { grade: a.incomplete.grade, due: a.incomplete.dueOn })) : null,
        h('button.link', { onclick: () => download(`/api/acts/${a.id}/act.pdf`, `act-${a.id}.pdf`) }, t('act.pdf'))),
      h('p.muted', t('act.draftedBy', { who: a.draftedBy || '—', at: fmtDate(a.draftedAt) }),
        a.signedAt ? h('span#signed-by', ' · ', t('act.signed', { who: a.signedBy, at: fmtDate(a.signedAt) })) : null),
      evidence(a), text(a), commission(a), votes(a),
      a.can.vote ? voteForm(a) : null,
      a.can.decide ? decideForm(a) : null,
      a.decision ? decision(a) : null,
      a.mail.length ? mail(a) : null].filter(Boolean));
  }

  function evidence(a) {
    const e = a.evidence;
    return h('section.card.act-evidence#evidence', h('h2', t('act.evidence')),
      h('h3', t('act.eventChannel')), list(e.eventChannel, interval),
      h('h3', t('act.mediaChannel')), list(e.mediaChannel, interval),
      h('h3', t('act.reports')), list(e.problemReports, n => `${fmtDate(n.at)} — ${n.text}`),
      h('h3', t('act.errors')), list(e.errors, n => `${fmtDate(n.at)} — ${n.text}`));
  }

  function text(a) {
    if (!a.can.edit) {
      return h('section.card.act-section#text', h('h2', t('act.text')),
        h('h3', t('act.whatHappened')), h('p.act-text#what', a.whatHappened || '—'),
        h('h3', t('act.effect')), h('p.act-text#effect', a.effect || '—'),
        h('h3', t('act.measures')), h('p.act-text#measures', a.measures || '—'));
    }
    const f = h('form.card#act-form', { onsubmit: e => { e.preventDefault(); run(() => save(f)); } },
      h('h2', t('act.text')),
      h('label', { for: 'a-what' }, t('act.whatHappened')), h('textarea#a-what', { name: 'what', rows: 6 }, a.whatHappened || ''),
      h('label', { for: 'a-effect' }, t('act.effect')), h('textarea#a-effect', { name: 'effect', rows: 3 }, a.effect || ''),
      h('label', { for: 'a-measures' }, t('act.measures')), h('textarea#a-measures', { name: 'measures', rows: 3 }, a.measures || ''),
      h('p.muted', t('act.signConfirm')),
      h('div.actions', h('button#a-save', { type: 'submit' }, t('act.save')),
        a.can.sign ? h('button.primary#a-sign', { type: 'button', onclick: () => run(async () => {
          await save(f);
          await api(`/api/acts/${a.id}/sign`, { method: 'POST' });
        }) }, t('act.sign')) : null));
    return f;
  }

  const save = f => api(`/api/acts/${id}`, { method: 'PUT', body: { whatHappened: f.what.value, effect: f.effect.value, measures: f.measures.value } });

  function commission(a) {
    return h('section.card.act-section#commission', h('h2', t('act.commission')),
      h('ul.members', a.commission.map(m => h('li', { dataset: { member: m.id } }, h('strong', t('act.seat.' + m.seat)), ': ', m.name,
        m.seat !== CommissionSeat.SECRETARY && a.state !== ActState.DRAFT ? h('span.badge' + (m.voted ? '.ok' : ''), ' ', t(m.voted ? 'act.voted' : 'act.notVoted')) : null))),
      a.state === ActState.SIGNED ? h('p#tally', a.waitingFor.length ? t('act.waiting', { names: a.waitingFor.join(', ') }) : t('act.allIn'),
        a.tiedBetween.length ? h('strong', ' ', t('act.tie', { options: a.tiedBetween.map(o => t('act.choice.' + o)).join(' / ') })) : null) : null);
  }

  function votes(a) {
    if (a.state === ActState.DRAFT) return null;
    return h('section.card.act-section', h('h2', t('act.votes')),
      h('p', Object.entries(a.counts).map(([k, n]) => h('span.badge', { dataset: { count: k } }, `${t('act.choice.' + k)}: ${n}`)).flatMap(x => [x, ' '])),
      a.myVote ? h('p#my-vote', t('act.myVote', { choice: t('act.choice.' + a.myVote) })) : null,
      a.votes.length ? h('table#votes', h('tbody', a.votes.map(v => h('tr', h('td', v.voter), h('td', t('act.choice.' + v.choice)),
        h('td', v.comment || ''), h('td', fmtDate(v.castAt)))))) : null);
  }

  function voteForm(a) {
    const f = h('form.card#vote-form', { onsubmit: e => {
        e.preventDefault();
        const choice = f.querySelector('input[name=choice]:checked');
        if (!choice) { notify(t('act.vote'), 'error'); return; }
        run(() => api(`/api/acts/${a.id}/votes`, { method: 'POST', body: { choice: choice.value, comment: f.comment.value } }));
      } },
      h('h2', t('act.vote')),
      h('fieldset.vote-options', h('legend.sr-only', t('act.vote')), a.options.map(o => h('label', h('input', { type: 'radio', name: 'choice', value: o }), t('act.choice.' + o)))),
      h('label', { for: 'v-comment' }, t('act.comment')), h('textarea#v-comment', { name: 'comment', rows: 2 }),
      h('div.actions', h('button.primary#v-submit', { type: 'submit' }, t('act.castVote'))));
    return f;
  }

  function decideForm(a) {
    const leader = Object.entries(a.counts).sort((x, y) => y[1] - x[1])[0][0];
    const f = h('form.card#decide-form', { onsubmit: e => {
        e.preventDefault();
        const b = { decision: f.decision.value, reason: f.reason.value };
        if (f.credit && f.credit.value !== '') b.creditSeconds = Number(f.credit.value);
        if (f.sitting && f.sitting.value.trim()) b.resitSittingId = f.sitting.value.trim();
        run(() => api(`/api/acts/${a.id}/decision`, { method: 'POST', body: b }));
      } },
      h('h2', t('act.decide')),
      h('label', { for: 'd-decision' }, t('act.decision')),
      h('select#d-decision', { name: 'decision' }, a.options.map(o => h('option', { value: o, selected: o === leader }, t('act.choice.' + o)))),
      h('label', { for: 'd-reason' }, t('act.reason')), h('textarea#d-reason', { name: 'reason', rows: 2 }),
      a.kind === 'TEST' ? [h('label', { for: 'd-credit' }, t('act.credit')), h('input#d-credit', { name: 'credit', type: 'number', min: 0, value: a.lostSeconds })] : null,
      a.kind === 'ORAL' ? [h('label', { for: 'd-sitting' }, t('act.resitSitting')), h('input#d-sitting', { name: 'sitting' })] : null,
      h('div.actions', h('button.primary#d-submit', { type: 'submit' }, t('act.decide'))));
    return f;
  }

  function decision(a) {
    return h('section.card.act-section#decision', h('h2', t('act.decision')),
      h('p', h('strong', t('act.choice.' + a.decision))), a.decisionReason ? h('p.act-text', a.decisionReason) : null,
      h('p.muted', t('act.decided', { who: a.decidedBy, at: fmtDate(a.decidedAt) })),
      a.creditedSeconds != null ? h('p', t('act.credited', { n: fmtDuration(a.creditedSeconds) })) : null,
      a.sheetId ? h('p', t('act.sheet')) : null,
      a.resitTurnId ? h('p', t('act.resit')) : null);
  }

  function mail(a) {
    return h('section.card.act-section#mail', h('h2', t('act.mail')), h('table', h('tbody', a.mail.map(m => h('tr',
      h('td', m.recipient), h('td', m.mailTo || '—'), h('td', h('span.badge' + (m.mailStatus === MailStatus.SENT ? '.ok' : ''), t('act.mail.' + m.mailStatus))),
      h('td', m.read ? t('act.read') : ''))))));
  }

  await reload();
} });
