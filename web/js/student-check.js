// @ts-check
import { page, h, t, api, ApiError, problemView, fmtDate } from '/js/adal.js';
import { canShareScreen } from '/js/student-common.js';
import { identityCheck } from '/js/vision-identity.js';
import { AttemptState } from '/js/states.js';

/** 000 §4.6: at least 512 kbit/s; measured both ways (the clause does not say which). */
const MIN_KBITS = 512;
const PROBE_BYTES = 256 * 1024;

page({ bundles: ['student'], roles: ['STUDENT'], title: 'student.checkTitle', async render(main) {
  const examId = new URLSearchParams(location.search).get('exam');
  const exam = await api(`/api/student/exams/${examId}`);
  const results = {};       // name → true | false
  const streams = [];

  if (exam.attemptState === AttemptState.IN_PROGRESS || exam.attemptState === AttemptState.SUSPENDED) {
    location.replace(`/student/exam.html?attempt=${exam.attemptId}`);
    return;
  }

  // already handed in (or ended otherwise): say so, not "cannot be started now"
  if ([AttemptState.SUBMITTED, AttemptState.EXPIRED, AttemptState.TERMINATED, AttemptState.VOIDED].includes(exam.attemptState)) {
    main.append(h('p', h('a', { href: '/student/index.html' }, '← ', t('student.exams'))), h('h1', t('student.checkTitle')),
      h('div.okbox#already-finished', { role: 'status' }, h('h2', exam.title), h('p', t('student.finished.' + exam.attemptState)),
        h('p', h('a', { href: `/student/result.html?attempt=${exam.attemptId}` }, t('student.seeResult')))));
    return;
  }

  const startOut = h('div', { 'aria-live': 'polite' });
  const acceptCut = exam.mustWarnCut ? h('input#accept-cut', { type: 'checkbox', onchange: () => refresh() }) : null;
  const startBtn = h('button.primary#start', { onclick: start }, t('student.start'));

  function row(name, label, hint, run, extra) {
    const badge = h('span.badge', { id: `st-${name}`, dataset: { state: 'none' } }, `○ ${t('student.check.notYet')}`);
    const detail = h('span.detail', { id: `dt-${name}` }, hint);
    const btn = h('button', { id: `run-${name}`, onclick: async () => {
      btn.disabled = true;
      badge.textContent = `… ${t('student.check.running')}`;
      try {
        const r = await run(detail);
        set(name, r.ok, r.text);
      } catch (e) {
        set(name, false, t('student.check.error', { msg: e.message || e.name }));
      } finally { btn.disabled = false; }
    } }, t('student.check.run'));
    return h('li', h('span.what', label, detail, extra || null), badge, btn);
  }

  function set(name, ok, text) {
    results[name] = ok;
    const badge = document.getElementById(`st-${name}`);
    badge.className = 'badge ' + (ok ? 'ok' : 'bad');
    badge.dataset.state = ok ? 'ok' : 'fail';
    badge.textContent = ok ? `✓ ${t('student.check.ok')}` : `✕ ${t('student.check.fail')}`;
    if (text) document.getElementById(`dt-${name}`).textContent = text;
    refresh();
  }

  const video = h('video.preview', { autoplay: true, muted: true, playsinline: true, 'aria-label': t('student.check.cameraPreview') });
  async function camera() {
    const s = await navigator.mediaDevices.getUserMedia({ video: true });
    streams.push(s);
    video.srcObject = s;
    const track = s.getVideoTracks()[0];
    const st = track.getSettings();
    return { ok: track.readyState === 'live', text: t('student.check.cameraOk', { w: st.width || '?', h: st.height || '?' }) };
  }
  async function microphone() {
    const s = await navigator.mediaDevices.getUserMedia({ audio: true });
    streams.push(s);
    const track = s.getAudioTracks()[0];
    return { ok: track.readyState === 'live', text: track.label || t('student.check.micOk') };
  }
  async function screen() {
    if (!canShareScreen()) return { ok: false, text: t('student.mobileText') };
    const s = await navigator.mediaDevices.getDisplayMedia({ video: true });
    streams.push(s);
    const ok = s.getVideoTracks().length > 0;
    s.getTracks().forEach(tr => tr.stop()); // the proctoring session asks again when the exam starts
    return { ok, text: t('student.check.screenOk') };
  }
  async function download() {
    const t0 = performance.now();
    const r = await api(`/api/net/probe?bytes=${PROBE_BYTES}&n=${Math.random()}`, { raw: true });
    const bytes = (await r.arrayBuffer()).byteLength;
    const kbits = Math.round(bytes * 8 / Math.max(1, performance.now() - t0)); // bits per ms = kbit/s
    return { ok: kbits >= MIN_KBITS, text: t('student.check.speed', { kbits, min: MIN_KBITS }) };
  }
  async function upload() {
    const body = new Uint8Array(PROBE_BYTES);
    crypto.getRandomValues(body.subarray(0, 65536));
    const t0 = performance.now();
    await api('/api/net/probe', { method: 'POST', body: new Blob([body]), headers: { 'Content-Type': 'application/octet-stream' } });
    const kbits = Math.round(PROBE_BYTES * 8 / Math.max(1, performance.now() - t0));
    return { ok: kbits >= MIN_KBITS, text: t('student.check.speed', { kbits, min: MIN_KBITS }) };
  }

  const identity = exam.proctored ? await api(`/api/vision/gate?exam=${examId}`) : { required: false };
  // an exam that requires Safe Exam Browser starts only from SEB, opened with the exam's own .seb file
  const seb = await api(`/api/student/exams/${examId}/seb`);
  const sebBlocked = seb.required && !seb.inSeb;
  async function downloadSeb() {
    const r = await api(seb.configUrl, { raw: true });
    const a = h('a', { href: URL.createObjectURL(await r.blob()), download: 'adal-exam.seb' });
    document.body.append(a); a.click(); a.remove();
  }
  const sebBox = !seb.required ? null : seb.inSeb
    ? h('div.okbox#seb-state', { role: 'status', dataset: { state: 'in-seb' } }, t('student.seb.ok'))
    : h('div.policy#seb-state', { role: 'alert', dataset: { state: 'needed' } }, h('strong', t('student.seb.title')), h('p', t('student.seb.text')),
      h('button#seb-download', { type: 'button', onclick: downloadSeb }, t('student.seb.download')));
  const required = exam.proctored ? ['camera', 'microphone', 'screen', ...(identity.required ? ['identity'] : [])] : [];
  function refresh() {
    const missing = required.filter(n => results[n] !== true);
    const blocked = !exam.canStart || sebBlocked || missing.length > 0 || (acceptCut && !acceptCut.checked);
    startBtn.disabled = blocked;
    hint.textContent = !exam.canStart ? (exam.refusalMessage || t('student.cannotStartYet'))
      : sebBlocked ? t('student.seb.title')
      : missing.length ? t('student.needChecks', { list: missing.map(n => t('student.check.' + n)).join(', ') })
      : (results.download === false || results.upload === false) ? t('student.slowWarning', { min: MIN_KBITS }) : '';
  }
  const hint = h('p#start-hint', { 'aria-live': 'polite' });

  async function start() {
    startBtn.disabled = true;
    startOut.replaceChildren();
    try {
      const a = await api(`/api/exams/${examId}/attempt`, { method: 'POST' });
      await api(`/api/attempts/${a.id}/start`, { method: 'POST', body: { acceptCut: !!acceptCut?.checked } });
      streams.forEach(s => s.getTracks().forEach(tr => tr.stop()));
      location.href = `/student/exam.html?attempt=${a.id}`;
    } catch (e) {
      startOut.append(e instanceof ApiError ? problemView(e) : h('div.problem', { role: 'alert' }, String(e)));
      refresh();
    }
  }

  main.append(...[
    h('p', h('a', { href: '/student/index.html' }, '← ', t('student.exams'))),
    h('h1', t('student.checkTitle')),
    h('div.card',
      h('h2', { style: 'margin-top:0' }, exam.title),
      h('p.muted', `${exam.discipline} · ${fmtDate(exam.opensAt)} — ${fmtDate(exam.closesAt)}`),
      h('p', exam.extraMinutes > 0 ? t('student.minutesWithExtra', { n: exam.durationMinutes, extra: exam.extraMinutes })
        : t('student.minutes', { n: exam.durationMinutes }), ' · ', t('student.questionsN', { n: exam.questionCount })),
      exam.proctored ? h('p', t('student.proctoredNote')) : h('p', t('student.notProctoredNote'))),
    sebBox,
    !canShareScreen() && exam.proctored ? h('div.policy.mobile-policy', { role: 'alert' }, h('strong', t('student.mobileTitle')), t('student.mobileText')) : null,
    h('div.card',
      h('h2', { style: 'margin-top:0' }, t('student.equipment')),
      h('ul.checks',
        row('camera', t('student.check.camera'), t('student.check.cameraHint'), camera, video),
        row('microphone', t('student.check.microphone'), t('student.check.microphoneHint'), microphone),
        row('screen', t('student.check.screen'), t('student.check.screenHint'), screen),
        identity.required ? row('identity', t('student.check.identity'), t('student.check.identityHint'), detail => identityCheck({ examId, video, detail, streams })) : null,
        row('download', t('student.check.download'), t('student.check.speedHint', { min: MIN_KBITS }), download),
        row('upload', t('student.check.upload'), t('student.check.speedHint', { min: MIN_KBITS }), upload))),
    h('div.card',
      h('h2', { style: 'margin-top:0' }, t('student.beforeStart')),
      h('p', t('student.rules')),
      exam.mustWarnCut ? h('div.policy', { role: 'alert' }, h('strong', t('student.cutTitle')), t('student.cutText', { at: fmtDate(exam.cutAt) }),
        h('label', { style: 'font-weight:600' }, acceptCut, ' ', t('student.cutAccept', { at: fmtDate(exam.cutAt) }))) : null,
      hint, startOut,
      h('div.actions', startBtn))].filter(Boolean));
  refresh();
} });
