import { page, h, t, api, token, ApiError, problemView, notify, hasRole } from '/js/adal.js';

/*
 * The proctor console: the attempts assigned to this proctor as a live grid (latest snapshot, name,
 * time left, connection, flags, credibility score), the most suspicious first. Updates come over
 * /ws/proctor within a second. Opening a tile shows its timeline, a faster snapshot stream and the
 * actions (message, warning, voice presence check 001 §6.9, suspend/resume, termination 001 §6.14).
 */
page({ bundles: ['proctoring'], roles: ['PROCTOR'], title: 'proctoring.console', async render(main) {
  const tiles = new Map();      // attemptId → { tile, snapshot, at (local ms of serverNow) }
  let offset = 0, focused = null, ws = null, retry = 0, detailTimer = null;

  const live = h('p.pc-live#pc-live', { role: 'status', 'aria-live': 'polite' }, t('proctoring.liveLost'));
  const grid = h('div.pc-grid#pc-grid', { role: 'list', 'aria-label': t('proctoring.sessions') });
  const empty = h('p.muted#pc-empty', t('proctoring.none'));
  const detail = h('section.card.pc-detail#pc-detail', { 'aria-live': 'polite' }, h('p.muted', t('proctoring.pick')));
  main.append(h('h1', t('proctoring.console')), live,
    h('div.pc-layout', h('section', { 'aria-labelledby': 'pc-h' }, h('h2#pc-h', t('proctoring.sessions')), empty, grid), detail));
  // a live view of one student (web/js/live-view.js, issue 14): outside the detail panel, which is redrawn
  let liveView = null;
  const liveBox = h('div#pc-live-box');
  main.append(liveBox);
  async function openLive(id, name) {
    liveView?.close();
    const { openLiveView } = await import('/js/live-view.js');
    await openLiveView({ attemptId: id, container: liveBox, title: t('proctoring.live.of', { name }),
      send: m => ws?.readyState === WebSocket.OPEN && ws.send(JSON.stringify(m)),
      register: v => { const close = v.close; v.attemptId = id; v.close = () => { close(); liveView = null; }; liveView = v; } });
  }

  const now = () => Date.now() + offset;
  const fmt = iso => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const mmss = ms => { const s = Math.max(0, Math.ceil(ms / 1000)); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; };
  const level = tile => tile.score < 70 || tile.connection === 'offline' ? 'bad' : tile.score < 90 || tile.openFlags > 0 ? 'warn' : 'ok';

  function connect() {
    ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/proctor`);
    ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', token: token() }));
    ws.onmessage = e => onMessage(JSON.parse(e.data));
    ws.onclose = async () => {
      live.textContent = t('proctoring.liveLost');
      live.dataset.state = 'lost';
      try { await api('/api/proctor/sessions'); } catch { /* refreshes an expired token */ }
      retry = Math.min(retry + 1, 5);
      setTimeout(connect, 500 * 2 ** (retry - 1));
    };
  }

  function onMessage(m) {
    if (m.serverNow) offset = Date.parse(m.serverNow) - Date.now();
    switch (m.type) {
      case 'ready':
        retry = 0; live.textContent = t('proctoring.liveOk'); live.dataset.state = 'ok';
        setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('{"type":"hb"}'), 20000);
        if (focused) ws.send(JSON.stringify({ type: 'focus', attemptId: focused }));
        break;
      case 'tile': {
        const old = tiles.get(m.tile.attemptId) || {};
        tiles.set(m.tile.attemptId, { ...old, tile: m.tile, receivedAt: Date.now() });
        draw();
        if (m.tile.attemptId === focused) refreshDetail();
        break;
      }
      case 'snapshot': {
        const e = tiles.get(m.attemptId);
        if (!e) break;
        e.snapshot = `data:image/jpeg;base64,${m.jpeg}`;
        const img = grid.querySelector(`[data-attempt="${m.attemptId}"] img`);
        if (img) img.src = e.snapshot; else draw();
        if (m.attemptId === focused) { const big = detail.querySelector('img.big'); if (big) big.src = e.snapshot; }
        break;
      }
      case 'gone': tiles.delete(m.attemptId); draw(); break;
      case 'timeline': if (m.attemptId === focused) drawEvents(m.events); break;
      case 'event': if (m.attemptId === focused) addEvent(m.event); break;
      case 'live.signal': if (liveView && m.attemptId === liveView.attemptId) liveView.handle(m); break;
      default: break;
    }
  }

  function remaining(e) {
    const tile = e.tile;
    if (tile.remainingMs == null) return '—';
    const ms = tile.state === 'IN_PROGRESS' ? tile.remainingMs - (Date.now() - e.receivedAt) : tile.remainingMs;
    return mmss(ms);
  }

  function draw() {
    const list = [...tiles.values()].sort((a, b) => a.tile.score - b.tile.score || b.tile.openFlags - a.tile.openFlags
      || (a.tile.studentName || '').localeCompare(b.tile.studentName || ''));
    empty.hidden = list.length > 0;
    grid.replaceChildren(...list.map(e => {
      const x = e.tile;
      const open = x.flags.filter(f => !f.endAt);
      const label = `${x.studentName}, ${t('proctoring.score')} ${x.score}, ${t('proctoring.conn.' + x.connection)}, ${t('proctoring.openFlags', { n: open.length })}`;
      return h('button.pc-tile', { role: 'listitem', 'aria-label': label, 'aria-pressed': String(x.attemptId === focused),
        dataset: { attempt: x.attemptId, level: level(x), connection: x.connection, score: String(x.score) },
        onclick: () => focus(x.attemptId) },
        e.snapshot ? h('img', { src: e.snapshot, alt: '' }) : h('div.pc-noimg', t('proctoring.noSnapshot')),
        h('span.name', { title: x.studentName }, x.studentName),
        h('span.line', h('span.muted', x.examTitle)),
        h('span.line', h('span.badge' + (x.connection === 'online' ? '.ok' : '.bad'), t('proctoring.conn.' + x.connection)),
          h('span.timer', { dataset: { attempt: x.attemptId } }, x.state === 'IN_PROGRESS' ? remaining(e) : x.state)),
        h('span.line', h('span.pc-score', `${t('proctoring.score')}: ${x.score}`), x.problem ? h('span.badge.warn', '⚠ ' + t('proctoring.problem')) : null),
        h('span.pc-flags', open.map(f => h('span.badge.bad', { dataset: { flag: f.type } }, '⚑ ' + t('proctoring.flag.' + f.type))),
          x.flags.length > open.length ? h('span.badge', `+${x.flags.length - open.length}`) : null));
    }));
  }
  setInterval(() => {
    for (const e of tiles.values()) {
      const el = grid.querySelector(`.timer[data-attempt="${e.tile.attemptId}"]`);
      if (el && e.tile.state === 'IN_PROGRESS') el.textContent = remaining(e);
    }
  }, 1000);

  // ---------------------------------------------------------------- one attempt
  function focus(id) {
    if (focused && ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'unfocus', attemptId: focused }));
    focused = id;
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'focus', attemptId: id }));
    draw();
    refreshDetail(true);
  }

  const events = h('ol.pc-timeline#pc-events', { 'aria-label': t('proctoring.timeline') });
  function eventText(e) {
    const d = e.data || {};
    return e.kind + (d.text ? `: ${d.text}` : d.surface ? `: ${d.surface}` : d.reason ? `: ${d.reason}` : d.count ? `: ${d.count}` : '');
  }
  function drawEvents(list) { events.replaceChildren(...list.slice().reverse().map(e => h('li', h('time', fmt(e.at)), h('span', eventText(e))))); }
  function addEvent(e) { events.prepend(h('li', h('time', fmt(e.at)), h('span', eventText(e)))); }

  function refreshDetail(now = false) {
    clearTimeout(detailTimer);
    detailTimer = setTimeout(drawDetail, now ? 0 : 400);
  }

  async function drawDetail() {
    const id = focused;
    if (!id) return;
    let v;
    try { v = await api(`/api/proctor/attempts/${id}/timeline`); } catch (e) { detail.replaceChildren(e instanceof ApiError ? problemView(e) : h('p', String(e))); return; }
    if (id !== focused) return;
    const snap = tiles.get(id)?.snapshot;
    const text = h('textarea#pc-text', { rows: 2, maxlength: 1000 });
    const out = h('div', { 'aria-live': 'polite' });
    const act = (path, body, done) => async () => {
      try { await api(`/api/proctor/attempts/${id}/${path}`, { method: 'POST', body }); notify(done || t('proctoring.done'), 'ok'); text.value = ''; refreshDetail(true); }
      catch (e) { out.replaceChildren(e instanceof ApiError ? problemView(e) : h('p', String(e))); }
    };
    const needText = fn => () => { if (!text.value.trim()) { text.focus(); return; } fn()(); };
    const pending = v.terminations.filter(x => x.state === 'PENDING');
    const canConfirm = hasRole('TEACHER', 'DEAN', 'HEAD_OF_DEPARTMENT', 'ACADEMIC_POLICY_DIRECTOR', 'ACADEMIC_VICE_RECTOR');
    const running = v.state === 'IN_PROGRESS' || v.state === 'SUSPENDED';
    detail.replaceChildren(h('div',
      h('h2', v.studentName), h('p.muted', `${v.examTitle} · ${v.state}`),
      snap ? h('img.big', { src: snap, alt: t('proctoring.noSnapshot') }) : h('div.pc-noimg', t('proctoring.noSnapshot')),
      running ? h('button#pc-live-open', { type: 'button', onclick: () => openLive(id, v.studentName) }, t('proctoring.live.open')) : null,
      h('p', h('strong', `${t('proctoring.score')}: ${v.score}`)),
      v.costs.length ? h('table#pc-costs', h('caption', t('proctoring.costs')),
        h('tbody', v.costs.map(c => h('tr', h('td', t('proctoring.flag.' + c.type)), h('td', `×${c.count}`), h('td', mmss(c.seconds * 1000)), h('td', `−${c.cost}`))))) : null,
      h('h3', t('proctoring.flags')),
      h('ul#pc-flags', v.flags.map(f => h('li', { dataset: { flag: f.type } }, `${fmt(f.startAt)} `, h('strong', t('proctoring.flag.' + f.type)),
        ` (${f.severity.toLowerCase()}) ${f.endAt ? mmss(f.seconds * 1000) : '…'}`,
        f.snapshotId ? [' ', h('button.link', { onclick: () => evidence(id, f.snapshotId) }, '📷')] : null))),
      running ? h('section.pc-actions', { 'aria-labelledby': 'pc-act' }, h('h3#pc-act', t('proctoring.actions')),
        h('label', { for: 'pc-text' }, t('proctoring.text') + ' / ' + t('proctoring.reason')), text,
        h('div.row',
          h('button#pc-message', { onclick: needText(() => act('messages', { kind: 'MESSAGE', text: text.value })) }, t('proctoring.sendMessage')),
          h('button#pc-warning', { onclick: needText(() => act('messages', { kind: 'WARNING', text: text.value })) }, t('proctoring.sendWarning')),
          h('button#pc-presence', { onclick: needText(() => act('presence-checks', { question: text.value, answerWithinSeconds: 60 })) }, t('proctoring.presence'))),
        h('div.row',
          v.state === 'IN_PROGRESS' ? h('button#pc-suspend', { onclick: needText(() => act('suspend', { reason: text.value })) }, t('proctoring.suspend'))
            : h('button#pc-resume', { onclick: act('resume', {}) }, t('proctoring.resume')),
          h('button.danger#pc-terminate', { onclick: needText(() => act('terminate', { reason: text.value })) }, t('proctoring.terminate'))),
        h('p.muted', t('proctoring.terminateNote')), out) : null,
      pending.length ? h('div.problem', pending.map(p => h('p', `${t('proctoring.pending')}: ${p.reason} (${p.rule})`,
        canConfirm ? [' ', h('button', { onclick: async () => { await api(`/api/proctor/terminations/${p.id}/confirm`, { method: 'POST' }); refreshDetail(true); } }, t('proctoring.confirm')),
          ' ', h('button', { onclick: async () => { await api(`/api/proctor/terminations/${p.id}/decline`, { method: 'POST' }); refreshDetail(true); } }, t('proctoring.decline'))] : null))) : null,
      v.messages.length ? [h('h3', t('proctoring.messages')), h('ul', v.messages.map(m => h('li', `${fmt(m.sentAt)} ${m.kind}: ${m.text} — `,
        m.answer != null ? `«${m.answer}» (${m.answerMode})` : m.acknowledgedAt ? t('proctoring.acked') : t('proctoring.notAcked'))))] : null,
      h('h3', t('proctoring.timeline')), events));
    drawEvents(v.events.map(e => ({ ...e })));
  }

  async function evidence(id, snapshotId) {
    const r = await api(`/api/proctor/attempts/${id}/snapshots/${snapshotId}`, { raw: true });
    const url = URL.createObjectURL(await r.blob());
    window.open(url, '_blank');
  }

  connect();
} });
