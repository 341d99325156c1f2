// @ts-check
import { page, h, t, api, ApiError, problemView } from '/js/adal.js';
import { ServerClock, clockText, LETTERS, receiptButton } from '/js/student-common.js';
import { AttemptState } from '/js/states.js';

/*
 * The exam page. Every change is kept in localStorage first (keyed by attempt), then sent at once
 * with a sequence number; the server keeps the change with the highest seq per question. A network
 * drop, a reload or a crash loses nothing: unsent changes are replayed. On another computer the
 * server's answers are loaded. The countdown comes from the server's clock, never the browser's.
 */
const WARN_AT_MINUTES = [10, 5, 1];
const RETRY_MS = 3000;

page({ bundles: ['student'], roles: ['STUDENT'], title: 'student.examTitle', async render(main) {
  const attemptId = new URLSearchParams(location.search).get('attempt');
  const KEY = `adal.attempt.${attemptId}`;
  const clock = new ServerClock();
  const stored = () => { try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch { return {}; } };
  const local = stored();
  local.pending = local.pending || {};
  local.seq = local.seq || 0;
  local.handled = local.handled || {};   // per question, the highest seq of a change this page is done with
  let answers = null;   // filled once the paper is loaded
  // Another tab of this attempt writes the same key: its unsent changes this tab has not seen are
  // kept too (and sent from here as well: a repeat is harmless), so one tab never wipes another's.
  const persist = () => {
    const other = stored();
    for (const [pos, ch] of Object.entries(other.pending || {})) {
      const seen = Math.max(local.pending[pos]?.seq || 0, answers?.[pos]?.seq || 0, local.handled[pos] || 0);
      if (ch.seq > seen) {
        local.pending[pos] = ch;
        if (answers?.[pos]) answers[pos] = { ...ch };
      }
    }
    local.seq = Math.max(local.seq, other.seq || 0);
    localStorage.setItem(KEY, JSON.stringify(local));
  };

  const before = Date.now();
  const paper = await api(`/api/attempts/${attemptId}/paper`);
  clock.sync(before, paper.attempt.serverNow);
  let attempt = paper.attempt;
  if (attempt.state === AttemptState.CHECKS || attempt.state === AttemptState.NOT_STARTED) { location.replace(`/student/check.html?exam=${attempt.examId}`); return; }

  const qs = paper.questions;
  const n = qs.length;
  local.seq = Math.max(local.seq, paper.lastSeq);
  // what the student sees: the server's answer, or a newer unsent change kept on this computer
  answers = qs.map(q => ({ selected: q.selected, marked: q.marked, seq: q.seq }));
  for (const [pos, ch] of Object.entries(local.pending)) {
    if (answers[pos] && ch.seq > answers[pos].seq) answers[pos] = { ...ch };
    else delete local.pending[pos];
  }
  let current = Math.min(Math.max(0, local.position || 0), n - 1);
  persist();

  // ---------- page structure ----------
  const timer = h('span.timer#timer', { role: 'timer', 'aria-label': t('student.timeLeft') }, '--:--');
  const timerWarn = h('div.sr-only#timer-warning', { 'aria-live': 'assertive' });
  const saveState = h('span.save-state#save-state', { role: 'status', 'aria-live': 'polite' });
  const banner = h('div.offline-banner#offline-banner', { role: 'alert', hidden: true }, t('student.offlineBanner'));
  // a change that was not applied because another tab or device had changed the answer meanwhile
  const elsewhere = h('div.changed-elsewhere#changed-elsewhere', { role: 'status', 'aria-live': 'polite', hidden: true });
  const ended = h('div#ended', { 'aria-live': 'assertive' });
  const qCard = h('section.card.question#question', { 'aria-labelledby': 'q-heading' });
  const grid = h('div.navgrid#navgrid', { role: 'group', 'aria-label': t('student.navigation') });
  const submitBtn = h('button.primary#submit', { onclick: confirmSubmit }, t('student.submit'));
  const dialog = h('dialog#confirm', { 'aria-labelledby': 'confirm-title' });

  main.append(
    h('div.exam-bar', h('h1', attempt.examTitle), h('span', h('span.muted', t('student.timeLeft'), ': '), timer), saveState),
    timerWarn, banner, elsewhere, ended,
    h('div.exam-layout',
      qCard,
      h('aside',
        h('section.card', { 'aria-labelledby': 'nav-h' },
          h('h2#nav-h', { style: 'margin-top:0' }, t('student.navigation')), grid,
          h('ul.legend', h('li', '✓ ', t('student.legend.answered')), h('li', '○ ', t('student.legend.unanswered')),
            h('li', '⚑ ', t('student.legend.marked')))),
        materials(),
        h('section.card', h('div.actions', { style: 'margin-top:0' }, submitBtn, receiptButton(attemptId))))),
    dialog);

  function materials() {
    if (!paper.referenceMaterials && !paper.materials.length) return null;
    return h('section.card#materials', { 'aria-labelledby': 'mat-h' },
      h('h2#mat-h', { style: 'margin-top:0' }, t('student.materials')),
      paper.referenceMaterials ? h('p', paper.referenceMaterials) : null,
      paper.materials.length ? h('ul', paper.materials.map(m => h('li', h('button.link', { onclick: () => download(m) }, m.fileName)))) : null,
      h('p.muted', t('student.materialsNote')));
  }

  async function download(m) {
    const r = await api(`/api/attempts/${attemptId}/materials/${m.id}`, { raw: true });
    const url = URL.createObjectURL(await r.blob());
    const a = h('a', { href: url, download: m.fileName });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---------- the question ----------
  function showQuestion(pos, focus = true) {
    current = pos; local.position = pos; persist();
    const q = qs[pos], a = answers[pos];
    const multiple = q.choice === 'multiple';
    const inputs = q.options.map((text, i) => {
      const id = `opt-${i}`;
      const input = h('input', { type: multiple ? 'checkbox' : 'radio', name: 'answer', id, value: String(i),
        checked: a.selected.includes(i), disabled: !accepting(), onchange: () => {
          const sel = multiple ? [...qCard.querySelectorAll('input[name=answer]:checked')].map(x => Number(x.value)) : [i];
          change(pos, sel, answers[pos].marked);
        } });
      return h('label.option', { for: id }, input, h('span.letter', LETTERS[i] + '.'), h('span', text));
    });
    const mark = h('input#mark', { type: 'checkbox', checked: a.marked, disabled: !accepting(),
      onchange: e => change(pos, answers[pos].selected, e.target.checked) });
    const img = q.hasImage ? h('img', { alt: t('student.questionImage', { n: pos + 1 }) }) : null;
    if (img) api(`/api/attempts/${attemptId}/questions/${pos}/image`, { raw: true }).then(r => r.blob()).then(b => { img.src = URL.createObjectURL(b); }).catch(() => {});
    qCard.replaceChildren(...[
      h('h2#q-heading', { tabindex: '-1' }, t('student.questionOf', { n: pos + 1, total: n })),
      h('p.stem#stem', q.stem), img,
      h('fieldset',
        h('legend', t(multiple ? 'student.chooseMany' : 'student.chooseOne')),
        inputs,
        !multiple ? h('button.link#clear', { disabled: !accepting(), onclick: () => {
          qCard.querySelectorAll('input[name=answer]').forEach(x => { x.checked = false; });
          change(pos, [], answers[pos].marked);
        } }, t('student.clear')) : null),
      h('label', { for: 'mark', style: 'font-weight:400;margin-top:1rem' }, mark, ' ⚑ ', t('student.markLater')),
      h('div.actions',
        h('button#prev', { disabled: pos === 0, onclick: () => showQuestion(pos - 1) }, '← ', t('student.prev')),
        h('button#next', { disabled: pos === n - 1, onclick: () => showQuestion(pos + 1) }, t('student.next'), ' →'))].filter(Boolean));
    drawGrid();
    if (focus) qCard.querySelector('#q-heading').focus();
  }

  function drawGrid() {
    grid.replaceChildren(...qs.map((q, i) => {
      const a = answers[i];
      const answered = a.selected.length > 0;
      const icon = (answered ? '✓' : '○') + (a.marked ? ' ⚑' : '');
      const label = t('student.navLabel', { n: i + 1, state: t(answered ? 'student.legend.answered' : 'student.legend.unanswered') })
        + (a.marked ? ', ' + t('student.legend.marked') : '');
      return h('button' + (answered ? '.answered' : '') + (a.marked ? '.marked' : ''), {
        'aria-label': label, title: label, 'aria-current': i === current ? 'true' : false, dataset: { pos: String(i) },
        onclick: () => showQuestion(i) }, h('span', String(i + 1)), h('span.icon', { 'aria-hidden': 'true' }, icon));
    }));
  }

  // ---------- saving ----------
  let online = navigator.onLine;
  let sending = false;
  let failure = null;   // a refusal that stops saving (time up, attempt closed)

  function change(pos, selected, marked) {
    if (!accepting()) return;
    // above everything this page has seen, so another tab's numbers never make it look older;
    // baseSeq says which answer the student changed, so the server can tell a change made over
    // an answer this page never saw (another tab or device) and refuse to overwrite it silently
    local.seq = Math.max(local.seq, answers[pos].seq) + 1;
    const ch = { selected: [...selected].sort((x, y) => x - y), marked, seq: local.seq, baseSeq: answers[pos].seq,
      clientAt: new Date(clock.now()).toISOString() };
    elsewhere.hidden = true;
    local.pending[pos] = ch;
    answers[pos] = { ...ch };
    persist();
    drawGrid();
    showSave();   // "saving" at once: the page never says saved before the server did
    flush();
  }
  const unsent = () => Object.keys(local.pending).length;

  function showSave() {
    const k = unsent();
    let text, cls;
    if (failure) { text = failure; cls = 'error'; }
    else if (!online) { text = `⚠ ${t('student.save.offline', { n: k })}`; cls = 'offline'; }
    else if (k > 0) { text = `… ${t('student.save.saving', { n: k })}`; cls = 'saving'; }
    else { text = `✓ ${t('student.save.saved')}`; cls = 'saved'; }
    saveState.className = 'save-state ' + cls;
    saveState.dataset.state = cls;
    if (saveState.textContent !== text) saveState.textContent = text;
    banner.hidden = online || !!failure;
  }

  async function flush() {
    if (sending || failure) return;
    sending = true;
    try {
      while (unsent() > 0 && !failure) {
        const [pos, ch] = Object.entries(local.pending).sort((x, y) => x[1].seq - y[1].seq)[0];
        const t0 = Date.now();
        let ack;
        try {
          ack = await api(`/api/attempts/${attemptId}/answers/${pos}`, { method: 'PUT', body: ch });
        } catch (e) {
          if (e instanceof ApiError) {
            if (e.code === 'ATTEMPT_TIME_UP' || e.code === 'ATTEMPT_NOT_ACCEPTING_ANSWERS') { stop(t('student.save.closed')); break; }
            // the session ended: the page goes to the login page; the change stays on this computer
            // and is sent once the student is back (a 401 is never a refusal of the answer)
            if (e.status === 401) break;
            if (refusesTheAnswer(e)) { delete local.pending[pos]; local.handled[pos] = ch.seq; persist(); continue; }   // nothing to retry
          }
          setOnline(false);   // network error, a refresh with no answer, server trouble: keep it, retry later
          break;
        }
        setOnline(true);
        clock.sync(t0, ack.serverNow);
        if (ack.deadlineAt) attempt.deadlineAt = ack.deadlineAt;
        local.seq = Math.max(local.seq, ack.seq);
        const newer = local.pending[pos] && local.pending[pos].seq > ch.seq;   // changed again while this one was on its way
        if (!newer) delete local.pending[pos];
        local.handled[pos] = Math.max(local.handled[pos] || 0, ch.seq);
        const sameAsSent = same(ack, ch);
        if (!ack.applied && !sameAsSent && !newer) {
          // not applied and not a repeat of ours: the server holds another answer (another tab or
          // device). Show what is stored and say so — never our change as saved.
          answers[pos] = { selected: ack.selected, marked: ack.marked, seq: ack.seq };
          elsewhere.textContent = t('student.save.changedElsewhere', { n: Number(pos) + 1 });
          elsewhere.hidden = false;
          if (Number(pos) === current) showQuestion(current, false);
        } else if (!newer) {
          answers[pos] = { ...answers[pos], seq: Math.max(answers[pos].seq, ack.seq) };
        }
        persist();
        drawGrid();
        showSave();
      }
    } finally {
      sending = false;
      showSave();
    }
  }

  /** A refusal about this answer itself (bad position or option): the only kind that drops a change. */
  function refusesTheAnswer(e) { return e.status === 400 && /^ANSWER_/.test(e.code || ''); }
  function same(ack, ch) {
    return !!ack.marked === !!ch.marked && JSON.stringify([...ack.selected].sort((x, y) => x - y)) === JSON.stringify(ch.selected);
  }

  function setOnline(v) { online = v; showSave(); }
  window.addEventListener('offline', () => setOnline(false));
  window.addEventListener('online', () => { setOnline(true); flush(); });
  setInterval(() => { if (unsent() > 0) { if (!navigator.onLine) return; online = true; flush(); } }, RETRY_MS);

  // ---------- the clock ----------
  const warned = new Set();
  const accepting = () => attempt.state === AttemptState.IN_PROGRESS && !failure && clock.until(attempt.deadlineAt) > 0;
  function tick() {
    if (attempt.state === AttemptState.SUSPENDED) { timer.textContent = t('student.suspended'); return; }
    const ms = clock.until(attempt.deadlineAt);
    timer.textContent = clockText(ms);
    timer.classList.toggle('low', ms <= 5 * 60000);
    for (const m of WARN_AT_MINUTES) {
      if (ms <= m * 60000 && ms > (m * 60000 - 30000) && !warned.has(m)) { warned.add(m); timerWarn.textContent = t('student.minutesLeft', { n: m }); }
    }
    if (ms <= 0 && attempt.state === AttemptState.IN_PROGRESS) timeUp();
  }
  let ending = false;
  async function timeUp() {
    if (ending) return;
    ending = true;
    stop(t('student.timeUp'));
    waitForFinish();
  }
  function stop(message) {
    failure = message;
    ended.replaceChildren(h('div.problem', { role: 'alert' }, message));
    qCard.querySelectorAll('input, button#clear').forEach(x => { x.disabled = true; });
    submitBtn.disabled = true;
    showSave();
    if (!ending) { ending = true; waitForFinish(); }
  }
  async function waitForFinish() {
    // the server expires and grades the attempt at its deadline (the sweeper); we only wait for it
    for (;;) {
      try {
        attempt = await api(`/api/attempts/${attemptId}`);
        if ([AttemptState.SUBMITTED, AttemptState.EXPIRED, AttemptState.TERMINATED, AttemptState.VOIDED].includes(attempt.state)) { finished(); return; }
      } catch { /* offline: keep waiting */ }
      await new Promise(r => setTimeout(r, RETRY_MS));
    }
  }
  function finished() {
    localStorage.removeItem(KEY);
    ended.replaceChildren(h('div.okbox', { role: 'status' }, t('student.finished.' + attempt.state), ' ',
      h('a', { href: `/student/result.html?attempt=${attemptId}` }, t('student.seeResult'))));
  }
  // every 20 s: the state (a proctor may suspend) and the deadline (credited time) from the server
  async function reloadAttempt() {
    if (failure) return;
    const t0 = Date.now();
    const was = attempt.state;
    try {
      const a = await api(`/api/attempts/${attemptId}`);
      clock.sync(t0, a.serverNow);
      attempt = a;
      if (a.state !== AttemptState.IN_PROGRESS && a.state !== AttemptState.SUSPENDED) stop(t('student.save.closed'));
      else if (a.state !== was) { showQuestion(current, false); tick(); }
    } catch { /* offline: the banner says so */ }
  }
  setInterval(reloadAttempt, 20000);
  // a proctor's pause or resume comes over the proctoring socket (proctoring-client.js) at once: the answers
  // are disabled or enabled again now, and the server's view (clock, deadline) is read straight after
  window.addEventListener('adal:attempt-state', /** @param {CustomEvent} e */ e => {
    const m = e.detail || {};
    if (failure || (m.state !== AttemptState.IN_PROGRESS && m.state !== AttemptState.SUSPENDED)) { reloadAttempt(); return; }
    attempt = { ...attempt, state: m.state, ...(m.deadlineAt ? { deadlineAt: m.deadlineAt } : {}) };
    showQuestion(current, false);
    tick();
    reloadAttempt();
  });

  // ---------- submit ----------
  async function confirmSubmit() {
    await flush();
    if (unsent() > 0) {
      dialog.replaceChildren(h('h2#confirm-title', t('student.unsentTitle')), h('p', t('student.unsentText', { n: unsent() })),
        h('div.actions', h('button#confirm-cancel', { onclick: () => dialog.close() }, t('student.back'))));
      dialog.showModal();
      return;
    }
    const unanswered = answers.filter(a => a.selected.length === 0).length;
    const marked = answers.filter(a => a.marked).length;
    const out = h('div', { 'aria-live': 'polite' });
    dialog.replaceChildren(...[
      h('h2#confirm-title', t('student.submitTitle')),
      h('p#confirm-text', unanswered > 0 ? t('student.submitUnanswered', { n: unanswered, total: n }) : t('student.submitAllAnswered', { total: n })),
      marked > 0 ? h('p', t('student.submitMarked', { n: marked })) : null,
      h('p', t('student.submitFinal')), out,
      h('div.actions',
        h('button#confirm-cancel', { onclick: () => dialog.close() }, t('student.back')),
        h('button.primary#confirm-submit', { onclick: async e => {
          e.target.disabled = true;
          try {
            attempt = await api(`/api/attempts/${attemptId}/submit`, { method: 'POST' });
            localStorage.removeItem(KEY);
            location.href = `/student/result.html?attempt=${attemptId}`;
          } catch (x) { e.target.disabled = false; out.replaceChildren(x instanceof ApiError ? problemView(x) : h('div.problem', String(x))); }
        } }, t('student.submitConfirm')))].filter(Boolean));   // no "null" for a part left out
    dialog.showModal();
    dialog.querySelector('#confirm-cancel').focus();
  }

  showQuestion(current, false);
  showSave();
  tick();
  setInterval(tick, 1000);
  if (attempt.state !== AttemptState.IN_PROGRESS && attempt.state !== AttemptState.SUSPENDED) { ending = true; failure = t('student.save.closed'); finished(); showSave(); }
  else flush();
} });
