// @ts-check
import { page, h, t, api, token, ApiError, problemView, notify, hasRole, fmtTime, signedOut } from '/js/adal.js';
import { reconnectingSocket } from '/js/reconnecting-socket.js';
import { AttemptState, TerminationState } from '/js/states.js';

/*
 * The proctor console: the attempts assigned to this proctor as a live grid (latest snapshot, name,
 * time left, connection, flags, credibility score), the most suspicious first. Updates come over
 * /ws/proctor within a second. Opening a tile shows its timeline, a faster snapshot stream and the
 * actions (message, warning, voice presence check 001 §6.9, suspend/resume, termination 001 §6.14).
 *
 * Everything is updated in place: each tile and each row of the open session is one element, kept by
 * its key, and only the fields that changed are written. Nothing a proctor is typing, selecting or
 * scrolling is rebuilt, however often the students' tiles change (30–50 sessions, many a second).
 */
const RECENT_MS = 5 * 60000;          // a closed flag stays on its tile this long, with what it was
const FINISHED = new Set(['SUBMITTED', 'EXPIRED', 'TERMINATED', 'VOIDED']);
const IDENTITY_POLL_MS = 10000;
const DETAIL_FETCH_MS = 1500;         // the REST part of the open session (messages, terminations, evidence) at most this often
const SERVER_EVENTS = /^(message|presence|termination|attempt)\./;
const DRAW_MS = 250;                  // the grid is drawn at most four times a second

const setText = (el, s) => { if (el.textContent !== s) el.textContent = s; };
const setAttr = (el, k, v) => {
  if (v == null || v === false) { if (el.hasAttribute(k)) el.removeAttribute(k); } else if (el.getAttribute(k) !== String(v)) el.setAttribute(k, String(v));
};
const setClass = (el, c) => { if (el.className !== c) el.className = c; };
const mmss = ms => { const s = Math.max(0, Math.ceil(ms / 1000)); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; };
const flagLabel = type => t('proctoring.flag.' + type);
const stateLabel = state => t('proctoring.state.' + state);
const flagKey = f => `${f.type}|${f.startAt}`;

page({ bundles: ['proctoring'], roles: ['PROCTOR'], title: 'proctoring.console', async render(main) {
  const sessions = new Map();   // attemptId → { tile, receivedAt, snapshot, view, row }
  let offset = 0, focused = null, hbTimer = null, open = null;
  const dirty = new Set();
  let frame = 0, lastDraw = 0, reorderLater = false;

  const live = h('p.pc-live#pc-live', { role: 'status', 'aria-live': 'polite' }, t('proctoring.liveLost'));
  const identityLink = h('a#pc-identity-link', { href: '/proctor/identity.html' });
  const identity = h('p.pc-identity#pc-identity', { hidden: true }, identityLink);
  const grid = h('div.pc-grid#pc-grid', { role: 'group', 'aria-label': t('proctoring.sessions') });
  const empty = h('p.muted#pc-empty', t('proctoring.none'));
  const finishedList = h('ul.pc-finished#pc-finished');
  const finishedBox = h('section.pc-finished-box', { hidden: true, 'aria-labelledby': 'pc-fin-h' }, h('h2#pc-fin-h', t('proctoring.finished')), finishedList);
  const detail = h('section.card.pc-detail#pc-detail', h('p.muted', t('proctoring.pick')));
  main.append(h('h1', t('proctoring.console')), live, identity,
    h('div.pc-layout', h('section', { 'aria-labelledby': 'pc-h' }, h('h2#pc-h', t('proctoring.sessions')), empty, grid, finishedBox), detail));
  // a live view of one student (web/js/live-view.js, issue 14): outside the detail panel, which is redrawn
  let liveView = null;
  const liveBox = h('div#pc-live-box');
  main.append(liveBox);
  async function openLive(id, name) {
    liveView?.close();
    const { openLiveView } = await import('/js/live-view.js');
    await openLiveView({ attemptId: id, container: liveBox, title: t('proctoring.live.of', { name }),
      send: m => socket.send(m),
      register: v => { const close = v.close; v.attemptId = id; v.close = () => { close(); liveView = null; }; liveView = v; } });
  }

  const now = () => Date.now() + offset;

  // ---------------------------------------------------------------- the socket
  const socket = reconnectingSocket({
    path: '/ws/proctor',
    hello: () => ({ type: 'auth', token: token() }),
    onMessage: m => onMessage(m),
    onBinary: data => onSnapshot(data),
    onClose: () => { live.textContent = t('proctoring.liveLost'); live.dataset.state = 'lost'; clearInterval(hbTimer); },
    beforeReconnect: () => api('/api/proctor/sessions'),   // refreshes an expired token
    // logged out, suspended or no longer a proctor: stop for good
    onSignedOut: () => { clearInterval(hbTimer); live.textContent = t('core.signedOut'); live.dataset.state = 'stopped'; signedOut(); },
  });

  function onMessage(m) {
    if (m.serverNow) offset = Date.parse(m.serverNow) - Date.now();
    switch (m.type) {
      case 'ready':
        socket.settled(); live.textContent = t('proctoring.liveOk'); live.dataset.state = 'ok';
        clearInterval(hbTimer);
        hbTimer = setInterval(() => socket.send({ type: 'hb' }), 20000);
        if (focused) socket.send({ type: 'focus', attemptId: focused });
        break;
      case 'tile': {
        const id = m.tile.attemptId;
        const s = sessions.get(id) || { view: null };
        s.tile = m.tile; s.receivedAt = Date.now();
        sessions.set(id, s);
        changed(id);
        break;
      }
      case 'gone': {
        const s = sessions.get(m.attemptId);
        if (liveView && liveView.attemptId === m.attemptId) liveView.close();   // no longer this proctor's student
        sessions.delete(m.attemptId);
        if (s?.snapshot) URL.revokeObjectURL(s.snapshot);
        if (s?.screen) URL.revokeObjectURL(s.screen.src);
        s?.view?.el.remove();
        s?.row?.remove();
        changed(null);
        break;
      }
      case 'timeline': if (open && m.attemptId === open.id) m.events.forEach(addEvent); break;
      case 'event':
        if (open && m.attemptId === open.id) {
          addEvent(m.event);
          if (SERVER_EVENTS.test(m.event.kind)) fetchDetail();
        }
        break;
      case 'live.signal': if (liveView && m.attemptId === liveView.attemptId) liveView.handle(m); break;
      default: break;
    }
  }

  /**
   * A snapshot arrives as one binary message (issue 17; kz.adal.proctoring.live.SnapshotFrame): source (1 camera,
   * 2 screen), the attempt id (16 bytes), the server's time of arrival in epoch ms (8 bytes, big-endian), then
   * the JPEG, shown through an object URL (the one it replaces is released).
   */
  function onSnapshot(/** @type {ArrayBuffer} */ data) {
    if (data.byteLength < 26) return;
    const head = new DataView(data);
    const hex = [...new Uint8Array(data, 1, 16)].map(b => b.toString(16).padStart(2, '0')).join('');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const s = sessions.get(id);
    if (!s) return;
    const at = new Date(Number(head.getBigUint64(17))).toISOString();
    const src = URL.createObjectURL(new Blob([new Uint8Array(data, 25)], { type: 'image/jpeg' }));
    if (head.getUint8(0) === 2) {   // the tile's screen thumbnail: only the latest is kept, like the camera's
      const before = s.screen?.src;
      s.screen = { src, at, bytes: data.byteLength - 25 };   // the JPEG's size (its object URL can't be read back)
      if (s.view) showScreen(s.view, s.screen);
      if (open && open.id === id) showScreen(open, s.screen);
      if (before) URL.revokeObjectURL(before);
      return;
    }
    const before = s.snapshot;
    s.snapshot = src;
    if (s.view) showSnapshot(s.view.img, s.view.noimg, s.snapshot);
    if (open && open.id === id) showSnapshot(open.big, open.noimg, s.snapshot);
    if (before) URL.revokeObjectURL(before);
  }

  /**
   * Tiles change many times a second in a full room: what changed is drawn together, at most every
   * DRAW_MS and in an animation frame, so the page lays itself out a few times a second, not per message.
   * The open session is drawn at the next frame.
   */
  function changed(id) {
    if (id) dirty.add(id);
    if (frame) return;
    const urgent = id && open && open.id === id;
    const wait = urgent ? 0 : Math.max(0, lastDraw + DRAW_MS - Date.now());
    frame = setTimeout(() => requestAnimationFrame(drawChanged), wait);
  }

  function showSnapshot(img, noimg, src) {
    if (img.src !== src) img.src = src;
    img.hidden = false; noimg.hidden = true;
  }

  /** The screen thumbnail in place (a tile or the open session); none yet is no warning, just "no screen image". */
  function showScreen(v, shot) {
    if (v.screen.src !== shot.src) { v.screen.src = shot.src; v.screen.dataset.bytes = String(shot.bytes); }
    setAttr(v.screen, 'title', t('proctoring.screenAt', { time: fmtTime(shot.at) }));
    v.screen.hidden = false; v.noscreen.hidden = true;
  }

  // ---------------------------------------------------------------- the grid
  function drawChanged() {
    frame = 0;
    lastDraw = Date.now();
    for (const id of dirty) {
      const s = sessions.get(id);
      if (!s) continue;
      if (FINISHED.has(s.tile.state)) {
        finish(id, s);
        if (liveView && liveView.attemptId === id) liveView.close();   // nothing more to watch
      } else drawTile(id, s);
      if (open && open.id === id) drawDetailFromTile(s.tile);
    }
    dirty.clear();
    reorder();
    const running = [...sessions.values()].filter(s => s.view && s.view.el.isConnected).length;
    empty.hidden = running > 0;
    finishedBox.hidden = finishedList.children.length === 0;
  }

  function tileView(id) {
    const v = {
      img: h('img', { alt: '', hidden: true }), noimg: h('div.pc-noimg', t('proctoring.noSnapshot')),
      screen: h('img.pc-screen', { alt: t('proctoring.screenThumb'), hidden: true }), noscreen: h('span.pc-noimg.pc-noscreen', t('proctoring.noScreen')),
      name: h('span.name'), exam: h('span.muted'), conn: h('span.badge'), timer: h('span.timer', { dataset: { attempt: id } }),
      score: h('span.pc-score'), problem: h('span.badge.warn', { hidden: true }, '⚠ ' + t('proctoring.problem')),
      flags: h('span.pc-flags'), badges: new Map(), more: h('span.badge.more', { hidden: true }),
    };
    v.flags.append(v.more);
    v.el = h('button.pc-tile', { type: 'button', 'aria-pressed': 'false', dataset: { attempt: id }, onclick: () => focus(id) },
      h('span.pc-thumbs', h('span.pc-cam', v.img, v.noimg), h('span.pc-scr', v.screen, v.noscreen)), v.name, h('span.line', v.exam), h('span.line', v.conn, v.timer), h('span.line', v.score, v.problem), v.flags);
    return v;
  }

  const level = x => x.score < 70 || x.connection === 'offline' ? 'bad' : x.score < 90 || x.openFlags > 0 ? 'warn' : 'ok';

  function timerText(s) {
    const x = s.tile;
    if (x.state !== AttemptState.IN_PROGRESS) return stateLabel(x.state);
    if (x.remainingMs == null) return '—';
    return mmss(x.remainingMs - (Date.now() - s.receivedAt));
  }

  function drawTile(id, s) {
    const x = s.tile;
    if (!s.view) {
      s.view = tileView(id);
      if (s.snapshot) showSnapshot(s.view.img, s.view.noimg, s.snapshot);
      if (s.screen) showScreen(s.view, s.screen);
    }
    const v = s.view;
    if (!v.el.isConnected) { grid.append(v.el); s.row?.remove(); }
    setText(v.name, x.studentName || ''); setAttr(v.name, 'title', x.studentName || '');
    setText(v.exam, x.examTitle || '');
    setText(v.conn, t('proctoring.conn.' + x.connection)); setClass(v.conn, 'badge ' + (x.connection === 'online' ? 'ok' : 'bad'));
    setText(v.timer, timerText(s));
    setText(v.score, `${t('proctoring.score')}: ${x.score}`);
    v.problem.hidden = !x.problem;
    setAttr(v.problem, 'title', x.problem ? x.problem.text : null);
    drawFlags(v, x);
    const openFlags = x.flags.filter(f => !f.endAt).length;
    setAttr(v.el, 'aria-label', `${x.studentName}, ${t('proctoring.score')} ${x.score}, ${t('proctoring.conn.' + x.connection)}, ${t('proctoring.openFlags', { n: openFlags })}`);
    setAttr(v.el, 'data-level', level(x)); setAttr(v.el, 'data-connection', x.connection);
    setAttr(v.el, 'data-score', x.score); setAttr(v.el, 'data-state', x.state);
  }

  /** Open flags, then the ones closed in the last minutes (newest first) with what and how long; older ones counted. */
  function drawFlags(v, x) {
    const t0 = now();
    const shown = [];
    let older = 0;
    for (const f of x.flags) {
      if (!f.endAt) shown.push({ f, open: true });
      else if (t0 - Date.parse(f.endAt) < RECENT_MS) shown.push({ f, open: false });
      else older++;
    }
    shown.sort((a, b) => (Number(b.open) - Number(a.open)) || Date.parse(b.f.endAt || b.f.startAt) - Date.parse(a.f.endAt || a.f.startAt));
    const keep = new Set();
    let before = v.flags.firstChild;
    for (const { f, open: isOpen } of shown) {
      const key = flagKey(f) + (isOpen ? '' : '|closed');
      keep.add(key);
      let b = v.badges.get(key);
      if (!b) {
        // a closed flag does not change any more: its words are written once
        const duration = mmss(f.seconds * 1000);
        b = isOpen ? h('span.badge.bad', { dataset: { flag: f.type } }, '⚑ ' + flagLabel(f.type))
          : h('span.badge.was', { dataset: { was: f.type }, title: t('proctoring.closedFlag', { flag: flagLabel(f.type), time: fmtTime(f.endAt), duration }) },
            `✓ ${flagLabel(f.type)} ${duration}`);
        v.badges.set(key, b);
      }
      if (b !== before) v.flags.insertBefore(b, before); else before = before.nextSibling;
    }
    for (const [key, b] of v.badges) if (!keep.has(key)) { b.remove(); v.badges.delete(key); }
    v.more.hidden = older === 0;
    if (older) { setText(v.more, `+${older}`); setAttr(v.more, 'title', t('proctoring.earlierFlags', { n: older })); setAttr(v.more, 'aria-label', t('proctoring.earlierFlags', { n: older })); }
    v.flags.append(v.more);
  }

  /** A finished session leaves the live grid for the list of finished ones. */
  function finish(id, s) {
    const x = s.tile;
    s.view?.el.remove();
    if (!s.row) {
      s.row = h('li', { dataset: { attempt: id } }, h('button.link', { type: 'button', onclick: () => focus(id) }), ' ', h('span.muted'));
    }
    setText(s.row.children[0], x.studentName || '');
    setText(s.row.children[1], t('proctoring.finishedAt', { state: stateLabel(x.state), time: fmtTime(x.finishedAt || new Date(s.receivedAt).toISOString(), false) }));
    if (!s.row.isConnected) finishedList.prepend(s.row);
  }

  const order = (a, b) => a.tile.score - b.tile.score || b.tile.openFlags - a.tile.openFlags
    || (a.tile.studentName || '').localeCompare(b.tile.studentName || '');

  /** The most suspicious first; never while the proctor's focus is on a tile (moving it would take the focus away). */
  function reorder() {
    if (grid.contains(document.activeElement)) { reorderLater = true; return; }
    reorderLater = false;
    const want = [...sessions.values()].filter(s => s.view && s.view.el.isConnected).sort(order).map(s => s.view.el);
    const have = grid.children;
    if (want.length === have.length && want.every((el, i) => have[i] === el)) return;
    for (const [i, el] of want.entries()) if (grid.children[i] !== el) grid.insertBefore(el, grid.children[i] || null);
  }
  grid.addEventListener('focusout', () => { if (reorderLater) setTimeout(reorder, 0); });

  setInterval(() => {
    for (const [id, s] of sessions) {
      if (s.view && s.view.el.isConnected) {
        setText(s.view.timer, timerText(s));
        if (s.tile.flags.some(f => f.endAt)) drawFlags(s.view, s.tile);   // closed flags age out
      }
      if (open && open.id === id) setText(open.timer, timerText(s));
    }
  }, 1000);

  // ---------------------------------------------------------------- identity checks waiting
  async function identityCount() {
    try {
      const list = await api('/api/proctor/identity-checks');
      identity.hidden = list.length === 0;
      setText(identityLink, `${t('proctoring.identityWaiting', { n: list.length })} — ${t('proctoring.identityQueue')}`);
      identity.dataset.count = String(list.length);
    } catch { /* the next poll tries again */ }
  }
  identityCount();
  setInterval(identityCount, IDENTITY_POLL_MS);

  // ---------------------------------------------------------------- one session
  function focus(id) {
    if (focused === id) return;
    if (focused) socket.send({ type: 'unfocus', attemptId: focused });
    const before = sessions.get(focused);
    if (before?.view) setAttr(before.view.el, 'aria-pressed', 'false');
    focused = id;
    const s = sessions.get(id);
    if (s?.view) setAttr(s.view.el, 'aria-pressed', 'true');
    socket.send({ type: 'focus', attemptId: id });
    buildDetail(id);
    if (s) drawDetailFromTile(s.tile);
    fetchDetail(true);
  }

  /** The panel of one session, built once when it is opened; later only its fields change. */
  function buildDetail(id) {
    const d = open = {
      id, name: h('h2#pc-name'), sub: h('p.muted#pc-sub'), timer: h('span'),
      big: h('img.big', { alt: t('proctoring.noSnapshot'), hidden: true }), noimg: h('div.pc-noimg', t('proctoring.noSnapshot')),
      screen: h('img.big.pc-screen#pc-screen', { alt: t('proctoring.screenThumb'), hidden: true }), noscreen: h('p.muted.pc-noscreen', t('proctoring.noScreen')),
      score: h('strong#pc-score'), costs: h('tbody'), costItems: new Map(), flags: h('ul#pc-flags'), flagItems: new Map(), evidence: new Map(),
      text: h('textarea#pc-text', { rows: 2, maxlength: 1000 }), out: h('div', { 'aria-live': 'polite' }),
      pending: h('div#pc-pending'), pendingItems: new Map(),
      messages: h('ul#pc-messages'), messageItems: new Map(),
      events: h('ol.pc-timeline#pc-events', { 'aria-label': t('proctoring.timeline') }), eventIds: new Set(),
      lastFetch: 0, fetchTimer: null,
      // the actions, built below (they need `d` itself)
      suspend: null, liveOpen: null, resume: null, actions: null, costsTable: null, messagesH: null,
    };
    const snap = sessions.get(id)?.snapshot;
    if (snap) showSnapshot(d.big, d.noimg, snap);
    const screenShot = sessions.get(id)?.screen;
    if (screenShot) showScreen(d, screenShot);
    const act = (path, body) => async () => {
      d.out.replaceChildren();
      try {
        await api(`/api/proctor/attempts/${id}/${path}`, { method: 'POST', body });
        notify(t('proctoring.done'), 'ok');
        d.text.value = '';
        fetchDetail(true);
      } catch (e) { d.out.replaceChildren(e instanceof ApiError ? problemView(e) : h('p', String(e))); }
    };
    const needText = fn => () => { if (!d.text.value.trim()) { d.text.focus(); return; } fn()(); };
    d.suspend = h('button#pc-suspend', { type: 'button', onclick: needText(() => act('suspend', { reason: d.text.value })) }, t('proctoring.suspend'));
    d.liveOpen = h('button#pc-live-open', { type: 'button', onclick: () => openLive(id, sessions.get(id)?.tile.studentName || '') }, t('proctoring.live.open'));
    d.resume = h('button#pc-resume', { type: 'button', hidden: true, onclick: () => act('resume', {})() }, t('proctoring.resume'));
    d.actions = h('section.pc-actions', { 'aria-labelledby': 'pc-act' }, h('h3#pc-act', t('proctoring.actions')),
      h('label', { for: 'pc-text' }, t('proctoring.text') + ' / ' + t('proctoring.reason')), d.text,
      h('div.row',
        h('button#pc-message', { type: 'button', onclick: needText(() => act('messages', { kind: 'MESSAGE', text: d.text.value })) }, t('proctoring.sendMessage')),
        h('button#pc-warning', { type: 'button', onclick: needText(() => act('messages', { kind: 'WARNING', text: d.text.value })) }, t('proctoring.sendWarning')),
        h('button#pc-presence', { type: 'button', onclick: needText(() => act('presence-checks', { question: d.text.value, answerWithinSeconds: 60 })) }, t('proctoring.presence'))),
      h('div.row', d.suspend, d.resume,
        h('button.danger#pc-terminate', { type: 'button', onclick: needText(() => act('terminate', { reason: d.text.value })) }, t('proctoring.terminate'))),
      h('p.muted', t('proctoring.terminateNote')), d.out);
    d.costsTable = h('table#pc-costs', { hidden: true }, h('caption', t('proctoring.costs')), d.costs);
    d.messagesH = h('h3', { hidden: true }, t('proctoring.messages'));
    detail.replaceChildren(h('div', d.name, h('p.muted', d.sub, ' · ', d.timer), d.big, d.noimg, d.screen, d.noscreen, d.liveOpen, h('p', d.score), d.costsTable,
      h('h3', t('proctoring.flags')), d.flags, d.actions, d.pending, d.messagesH, d.messages, h('h3', t('proctoring.timeline')), d.events));
  }

  /** What the live tile knows: state, score, its costs and the flags. */
  function drawDetailFromTile(x) {
    const d = open;
    if (!d || !x) return;
    setText(d.name, x.studentName || '');
    setText(d.sub, `${x.examTitle || ''} · ${stateLabel(x.state)}`);
    const s = sessions.get(d.id);
    if (s) setText(d.timer, timerText(s));
    setText(d.score, `${t('proctoring.score')}: ${x.score}`);
    const running = x.state === AttemptState.IN_PROGRESS || x.state === AttemptState.SUSPENDED;
    d.actions.hidden = !running;
    d.liveOpen.hidden = !running;
    d.suspend.hidden = x.state !== AttemptState.IN_PROGRESS;
    d.resume.hidden = x.state !== AttemptState.SUSPENDED;
    // costs: one row per flag type
    d.costsTable.hidden = !x.costs.length;
    keyed(d.costs, d.costItems, x.costs, c => c.type, c => h('tr', { dataset: { flag: c.type } }, h('td'), h('td'), h('td'), h('td')), (tr, c) => {
      setText(tr.children[0], flagLabel(c.type)); setText(tr.children[1], `×${c.count}`);
      setText(tr.children[2], mmss(c.seconds * 1000)); setText(tr.children[3], `−${c.cost}`);
    });
    keyed(d.flags, d.flagItems, x.flags, flagKey, f => h('li', { dataset: { flag: f.type } },
      h('time'), ' ', h('strong', flagLabel(f.type)), h('span'), h('span.ev')), (li, f) => {
      setText(li.children[0], fmtTime(f.startAt));
      setText(li.children[2], ` (${t('proctoring.severity.' + f.severity)}) ${f.endAt ? mmss(f.seconds * 1000) : t('proctoring.stillOpen')}`);
      drawEvidence(li.children[3], d.evidence.get(flagKey(f)));
    });
  }

  function drawEvidence(slot, snapshotId) {
    if (!snapshotId || slot.dataset.snapshot === snapshotId) return;
    slot.dataset.snapshot = snapshotId;
    slot.replaceChildren(' ', h('button.link', { type: 'button', title: t('proctoring.evidence'), 'aria-label': t('proctoring.evidence'),
      onclick: () => evidence(open.id, snapshotId) }, '📷'));
  }

  /**
   * Keeps the children of `parent` one per item, in the items' order: an element is made once per key,
   * `update` writes only what changed, and elements whose key is gone are removed.
   */
  function keyed(parent, items, list, key, make, update) {
    const seen = new Set();
    let before = parent.firstChild;
    for (const x of list) {
      const k = key(x);
      seen.add(k);
      let el = items.get(k);
      if (!el) { el = make(x); items.set(k, el); }
      update(el, x);
      if (el !== before) parent.insertBefore(el, before); else before = before.nextSibling;
    }
    for (const [k, el] of items) if (!seen.has(k)) { el.remove(); items.delete(k); }
  }

  /** What only the REST view has: messages with their answers, terminations waiting, evidence snapshots. */
  function fetchDetail(now = false) {
    const d = open;
    if (!d) return;
    clearTimeout(d.fetchTimer);
    const wait = now ? 0 : Math.max(0, d.lastFetch + DETAIL_FETCH_MS - Date.now());
    d.fetchTimer = setTimeout(async () => {
      d.lastFetch = Date.now();
      let v;
      try { v = await api(`/api/proctor/attempts/${d.id}/timeline`); } catch (e) { d.out.replaceChildren(e instanceof ApiError ? problemView(e) : h('p', String(e))); return; }
      if (open !== d) return;
      for (const f of v.flags) if (f.snapshotId) d.evidence.set(flagKey(f), f.snapshotId);
      drawDetailFromTile(sessions.get(d.id)?.tile || v);
      drawTerminations(d, v.terminations.filter(x => x.state === TerminationState.PENDING));
      d.messagesH.hidden = !v.messages.length;
      keyed(d.messages, d.messageItems, v.messages.slice().reverse(), m => m.id, m => h('li', { dataset: { message: m.id } }), (li, m) => {
        const answer = m.answer != null ? `«${m.answer}» (${t('proctoring.mode.' + m.answerMode)})` : m.acknowledgedAt ? t('proctoring.acked') : t('proctoring.notAcked');
        setText(li, `${fmtTime(m.sentAt)} ${t('proctoring.kind.' + m.kind)}: ${m.text} — ${answer}`);
      });
      v.events.forEach(addEvent);
    }, wait);
  }

  function drawTerminations(d, pending) {
    const canConfirm = hasRole('TEACHER', 'DEAN', 'HEAD_OF_DEPARTMENT', 'ACADEMIC_POLICY_DIRECTOR', 'ACADEMIC_VICE_RECTOR');
    d.pending.className = pending.length ? 'problem' : '';
    keyed(d.pending, d.pendingItems, pending, p => p.id, p => h('p', `${t('proctoring.pending')}: ${p.reason} (${p.rule})`,
      canConfirm ? [' ', h('button', { type: 'button', onclick: async () => { await api(`/api/proctor/terminations/${p.id}/confirm`, { method: 'POST' }); fetchDetail(true); } }, t('proctoring.confirm')),
        ' ', h('button', { type: 'button', onclick: async () => { await api(`/api/proctor/terminations/${p.id}/decline`, { method: 'POST' }); fetchDetail(true); } }, t('proctoring.decline'))] : null),
    () => {});
  }

  function eventText(e) {
    const d = e.data || {};
    const named = t('proctoring.event.' + e.kind);
    const label = named === 'proctoring.event.' + e.kind ? t('proctoring.event.other') : named;   // never the code itself
    if (e.kind === 'face.check' && d.outcome) return `${label}: ${d.outcome === 'OK' ? '✓' : flagLabel({ COVERED: 'CAMERA_BLOCKED', FROZEN: 'CAMERA_BLOCKED', NO_FACE: 'FACE_MISSING', MISMATCH: 'FACE_MISMATCH' }[d.outcome] || d.outcome)}`;
    return label + (d.text ? `: ${d.text}` : d.reason && typeof d.reason === 'string' && e.kind.startsWith('attempt.') ? `: ${d.reason}` : '');
  }

  /** Newest first; each event once (the socket's timeline, its pushes and the REST view overlap). */
  function addEvent(e) {
    const d = open;
    if (!d || d.eventIds.has(e.id)) return;
    d.eventIds.add(e.id);
    const ms = Date.parse(e.at);
    const li = h('li', { dataset: { kind: e.kind, ms: String(ms) } }, h('time', { datetime: e.at }, fmtTime(e.at)), h('span', eventText(e)));
    // keep newest first even when an older event arrives late (a replay after a reconnect)
    let next = d.events.firstChild;
    while (next && Number(next.dataset.ms) > ms) next = next.nextSibling;
    d.events.insertBefore(li, next);
  }

  async function evidence(id, snapshotId) {
    const r = await api(`/api/proctor/attempts/${id}/snapshots/${snapshotId}`, { raw: true });
    const url = URL.createObjectURL(await r.blob());
    window.open(url, '_blank');
  }

  socket.connect();
} });
