// @ts-check
// Recording the whole exam (003 §16; 001 §5.17.2): camera + microphone and the entire screen, in chunks of a
// few seconds, kept in IndexedDB until the server acknowledges them. Loaded by the exam page with one line
// (<script type="module" src="/js/recorder.js">) and by the result page, where it only flushes what is left.
//
// Protocol (docs/media.md): PUT /api/attempts/{id}/tracks/{camera|screen}/chunks/{seq}, headers X-Adal-Segment,
// X-Adal-Client-Start, X-Adal-Client-End; or, when the plan says directUpload, POST …/upload-urls for a presigned
// address, PUT to the object store, POST …/uploaded to have it recorded. Each MediaRecorder is one *segment* (Chromium writes the WebM header
// only into a recorder's first chunk): after a reload, a crash, or a camera restart the page starts the next
// segment at seq 0. Chunks of earlier segments still in IndexedDB are sent too. Nothing is dropped before
// the server acknowledged it, except when the server says the recording is closed.
import { api, ApiError } from '/js/adal.js';
import { loadRecordingMessages as loadMessages, tr, ensureRecordingCss } from '/js/recording-i18n.js';
import { AttemptState } from '/js/states.js';

const DB_NAME = 'adal-recorder';
const RETRY_MIN_MS = 2000;
const RETRY_MAX_MS = 15000;
const STORAGE_WARN_RATIO = 0.8;
/** Seconds the queue would take to drain at the measured upload rate before the rates are lowered. */
const DEGRADE_AFTER_DRAIN_S = 20;
const RECOVER_BELOW_DRAIN_S = 5;
const RECOVER_AFTER_MS = 60000;
/** Direct uploads: chunks confirmed to the node at once, and store failures in a row before using the node. */
const DIRECT_BATCH = 8;
const DIRECT_FALLBACK_AFTER = 3;
/** Codes after which a chunk can never be stored: drop it (kept chunks would block the queue forever). */
const DROP_CODES = new Set(['NOT_WEBM', 'CHUNK_TOO_LARGE', 'RECORDING_QUOTA_EXCEEDED', 'CHUNK_CONFLICT', 'INVALID_CHUNK', 'INVALID_SEQUENCE', 'TRACK_KIND_INVALID']);
/** Codes after which nothing more of this attempt will be taken. */
const CLOSED_CODES = new Set(['RECORDING_CLOSED', 'TRACK_CLOSED', 'RECORDING_NOT_REQUIRED', 'NOT_FOUND']);

// A page that records something other than an attempt (the oral exam's turn) sets window.adalRecordingTarget
// before importing this module: { key, base, kinds, mount, normalise(plan) → { required, running, timesliceMs,
// camera, screen, tracks } } and optionally cameraStream(options) → a MediaStream to record as the camera track
// (the recorder stops its tracks when it stops: hand it clones). The protocol under `base` is the same: GET base/recording, PUT base/tracks/…/chunks/…,
// POST base/tracks/…/interruptions (docs/media.md "Owners").
const target = window.adalRecordingTarget || null;
const attemptId = target ? target.key : new URLSearchParams(location.search).get('attempt');
const base = target ? target.base : `/api/attempts/${attemptId}`;
const kinds = target ? target.kinds : ['camera', 'screen'];
const flushOnly = target ? false : !location.pathname.endsWith('/student/exam.html');
const normalise = target ? target.normalise
  : p => ({ ...p, running: [AttemptState.IN_PROGRESS, AttemptState.SUSPENDED].includes(p.attemptState) });
const clientNow = () => performance.timeOrigin + performance.now();

// ---------- IndexedDB ----------
function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      const chunks = db.createObjectStore('chunks', { keyPath: ['attempt', 'kind', 'segment', 'seq'] });
      chunks.createIndex('attempt', 'attempt');
      db.createObjectStore('tracks', { keyPath: ['attempt', 'kind'] });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
function tx(db, store, mode, fn) {
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, mode);
    let result;
    Promise.resolve(fn(t.objectStore(store))).then(r => { result = r; });
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error || new DOMException('aborted', 'AbortError'));
  });
}
const reqP = r => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });

// ---------- state ----------
const state = {
  db: null,
  plan: null,
  closed: false,
  online: true,
  level: 0,               // 0 normal; 1 screen rate lowered; 2 camera resolution lowered; 3 snapshots slowed too
  lowSince: 0,
  lastLevelChange: 0,
  rate: 0,                // measured upload bytes/s (moving average)
  pendingBytes: 0,
  pendingCount: 0,
  storageWarning: false,
  recorders: {},          // kind → TrackRecorder
  stopped: {},            // kind → reason when a recording stopped
  sentBytes: 0,           // everything this page sent for recording (benchmarks read it)
  direct: true,           // chunks go straight to the object store when the plan says so; false after it kept failing
  storeFailures: 0,
};
window.adalRecorder = state; // for the proctoring client (camera stream) and the benchmarks

// ---------- UI ----------
let indicator, alertBox;
function ensureUi() {
  ensureRecordingCss();
  if (!indicator) {
    indicator = document.createElement('div');
    indicator.id = 'recording-indicator';
    indicator.className = 'rec-indicator';
    indicator.setAttribute('role', 'status');
    indicator.setAttribute('aria-live', 'polite');
    alertBox = document.createElement('div');
    alertBox.id = 'recording-alert';
    alertBox.className = 'rec-alert';
    alertBox.setAttribute('role', 'alert');
    alertBox.hidden = true;
  }
  const bar = document.querySelector(target ? target.mount : '.exam-bar');
  const main = document.querySelector('main');
  if (bar && indicator.parentElement !== bar) bar.append(indicator);
  else if (!bar && main && !indicator.parentElement) main.prepend(indicator);
  if (main && !alertBox.parentElement) (bar ? bar.after(alertBox) : main.prepend(alertBox));
}
function render() {
  ensureUi();
  const parts = [];
  for (const kind of kinds) {
    const r = state.recorders[kind];
    const ok = r && r.running && !state.stopped[kind];
    const el = document.createElement('span');
    el.className = 'rec-track ' + (ok ? 'on' : 'off');
    el.dataset.kind = kind;
    el.dataset.state = ok ? 'recording' : 'stopped';
    el.textContent = `${ok ? '●' : '■'} ${tr('rec.' + kind)}`;
    parts.push(el);
  }
  const queue = document.createElement('span');
  queue.className = 'rec-queue';
  queue.id = 'recording-queue';
  queue.dataset.pending = String(state.pendingCount);
  queue.textContent = state.pendingCount > 0
    ? (state.online ? tr('rec.sending', { n: state.pendingCount }) : tr('rec.offlineKept', { n: state.pendingCount }))
    : tr('rec.allSent');
  const label = document.createElement('strong');
  label.textContent = flushOnly ? tr('rec.finishing') : tr('rec.title');
  indicator.replaceChildren(label, ...(flushOnly ? [] : parts), queue);
  if (state.level > 0 && !flushOnly) {
    const d = document.createElement('span');
    d.className = 'rec-degraded';
    d.textContent = tr('rec.degraded' + state.level);
    indicator.append(d);
  }
  indicator.dataset.level = String(state.level);
  indicator.hidden = flushOnly && state.pendingCount === 0;
  // the alert: a stopped recording, a full browser storage
  const alerts = [];
  for (const [kind, reason] of Object.entries(state.stopped)) {
    const p = document.createElement('p');
    p.textContent = tr('rec.stopped.' + kind, { reason: tr('rec.reason.' + reason) });
    const b = document.createElement('button');
    b.className = 'primary';
    b.id = `recording-restart-${kind}`;
    b.textContent = tr('rec.restart.' + kind);
    b.onclick = () => restart(kind);
    p.append(' ', b);
    alerts.push(p);
  }
  if (state.storageWarning) {
    const p = document.createElement('p');
    p.textContent = tr('rec.storageFull');
    alerts.push(p);
  }
  alertBox.replaceChildren(...alerts);
  alertBox.hidden = alerts.length === 0;
}

// ---------- recorders ----------
class TrackRecorder {
  /**
   * @param {string} kind 'camera' or 'screen'
   * @param {MediaStream} stream
   * @param {any} options the plan's recorder options for this kind
   * @param {number} segment
   */
  constructor(kind, stream, options, segment) {
    this.kind = kind; this.stream = stream; this.options = options; this.segment = segment;
    this.seq = 0; this.running = false; this.lastEnd = null;
    /** @type {MediaRecorder|null} */
    this.mr = null;
  }

  start(timeslice) {
    const { mimeType, videoBitsPerSecond, audioBitsPerSecond, videoKeyFrameIntervalDuration } = this.options;
    const opts = { mimeType: MediaRecorder.isTypeSupported(mimeType) ? mimeType : 'video/webm', videoBitsPerSecond };
    if (audioBitsPerSecond) opts.audioBitsPerSecond = audioBitsPerSecond;
    if (videoKeyFrameIntervalDuration) opts.videoKeyFrameIntervalDuration = videoKeyFrameIntervalDuration;
    this.mr = new MediaRecorder(this.stream, opts);
    this.mr.onstart = () => { this.lastEnd = clientNow(); this.running = true; render(); };
    this.mr.ondataavailable = e => {
      if (!e.data || e.data.size === 0) return;
      const end = clientNow();
      const chunk = { attempt: attemptId, kind: this.kind, segment: this.segment, seq: this.seq++,
        start: this.lastEnd ?? end, end, size: e.data.size, blob: e.data };
      this.lastEnd = end;
      enqueue(chunk, this.seq);
    };
    this.mr.onerror = e => stopped(this.kind, 'RECORDER_ERROR', String(e.error?.name || e.type));
    this.mr.onstop = () => { this.running = false; render(); };
    for (const track of this.stream.getTracks()) {
      track.onended = () => stopped(this.kind, 'ENDED', `${track.kind} track ended`);
    }
    this.mr.start(timeslice);
  }

  stop() {
    try { if (this.mr && this.mr.state !== 'inactive') this.mr.stop(); } catch { /* already stopped */ }
    this.stream.getTracks().forEach(t => { t.onended = null; t.stop(); });
    this.running = false;
  }
}

async function nextSegment(kind) {
  const saved = await tx(state.db, 'tracks', 'readonly', s => reqP(s.get([attemptId, kind])));
  const server = state.plan.tracks.find(t => t.kind === kind.toUpperCase());
  const segment = Math.max(saved ? saved.segment + 1 : 0, server ? server.segments : 0);
  await tx(state.db, 'tracks', 'readwrite', s => s.put({ attempt: attemptId, kind, segment, nextSeq: 0 }));
  return segment;
}

async function cameraStream() {
  const c = state.plan.camera;
  // a page may supply its own camera stream (the oral room: the student's camera with the room's mixed audio)
  if (target?.cameraStream) return target.cameraStream(c);
  return navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: c.width }, height: { ideal: c.height }, frameRate: { ideal: c.frameRate, max: c.frameRate } },
    audio: { echoCancellation: true, noiseSuppression: true },
  });
}

async function screenStream() {
  const s = state.plan.screen;
  const stream = await navigator.mediaDevices.getDisplayMedia({
    video: { displaySurface: 'monitor', frameRate: { ideal: s.frameRate, max: s.frameRate } }, audio: false,
    selfBrowserSurface: 'exclude', surfaceSwitching: 'exclude', monitorTypeSurfaces: 'include',
  });
  const surface = stream.getVideoTracks()[0]?.getSettings().displaySurface;
  if (surface && surface !== 'monitor') {
    // 003 §16: the entire screen is watched; a window or tab is recorded but reported
    report('screen', 'DENIED', `shared ${surface}, not the entire screen`);
  }
  return stream;
}

async function startKind(kind) {
  let stream;
  try {
    stream = kind === 'camera' ? await cameraStream() : await screenStream();
  } catch (e) {
    stopped(kind, 'DENIED', e.name || String(e), false);
    return;
  }
  const segment = await nextSegment(kind);
  const r = new TrackRecorder(kind, stream, state.plan[kind], segment);
  state.recorders[kind] = r;
  delete state.stopped[kind];
  r.start(state.plan.timesliceMs);
  applyLevel();
  window.dispatchEvent(new CustomEvent('adal:recording', { detail: { kind, stream } }));
  render();
}

async function restart(kind) {
  const old = state.recorders[kind];
  if (old) old.stop();
  await startKind(kind);
  if (!state.stopped[kind]) report(kind, 'RESUMED', 'restarted by the student');
}

/** A recording stopped: the student sees it at once; proctoring gets a flag (RecordingInterrupted). */
function stopped(kind, reason, detail, wasRunning = true) {
  if (state.closed) return;
  state.stopped[kind] = reason;
  const r = state.recorders[kind];
  if (r && wasRunning) { try { r.mr.requestData(); } catch { /* inactive */ } r.stop(); }
  render();
  report(kind, reason, detail);
}

async function report(kind, reason, detail) {
  for (let i = 0; i < 5; i++) {
    try {
      await api(`${base}/tracks/${kind}/interruptions`, { method: 'POST',
        body: { reason, detail, clientAt: new Date().toISOString() } });
      return;
    } catch (e) {
      if (e instanceof ApiError && e.status < 500) return;
      await sleep(3000);
    }
  }
}

// ---------- the queue ----------
async function enqueue(chunk, nextSeq) {
  try {
    await tx(state.db, 'chunks', 'readwrite', s => s.put(chunk));
    await tx(state.db, 'tracks', 'readwrite', s => s.put({ attempt: attemptId, kind: chunk.kind, segment: chunk.segment, nextSeq }));
  } catch (e) {
    // QuotaExceededError: the browser's storage is full. The chunk is kept in memory and sent when possible;
    // if the tab dies first it is lost — the server then reports the hole (docs/media.md).
    memoryQueue.push(chunk);
    if (!state.storageWarning) { state.storageWarning = true; report(chunk.kind, 'STORAGE_FULL', String(e && e.name)); }
  }
  state.pendingBytes += chunk.size;
  state.pendingCount += 1;
  render();
  pump();
}
const memoryQueue = [];

async function pending() {
  const stored = await tx(state.db, 'chunks', 'readonly', s => reqP(s.index('attempt').getAll(attemptId)));
  const all = stored.concat(memoryQueue);
  all.sort((a, b) => a.start - b.start || a.segment - b.segment || a.seq - b.seq); // oldest media first
  return all;
}

async function forget(chunk) {
  const i = memoryQueue.indexOf(chunk);
  if (i >= 0) memoryQueue.splice(i, 1);
  else await tx(state.db, 'chunks', 'readwrite', s => s.delete([chunk.attempt, chunk.kind, chunk.segment, chunk.seq]));
}

let pumping = false;
let retryMs = RETRY_MIN_MS;
async function pump() {
  if (pumping || state.closed) return;
  pumping = true;
  try {
    for (;;) {
      const queue = await pending();
      state.pendingCount = queue.length;
      state.pendingBytes = queue.reduce((n, c) => n + c.size, 0);
      render();
      if (queue.length === 0 || state.closed) break;
      const chunk = queue[0];
      try {
        if (state.plan.directUpload && state.direct) {
          // a few chunks of one segment at once: the node records them in one transaction
          await sendDirect(queue.filter(c => c.kind === chunk.kind && c.segment === chunk.segment).slice(0, DIRECT_BATCH));
        } else {
          await sendThroughNode(chunk);
        }
        setOnline(true);
        retryMs = RETRY_MIN_MS;
      } catch (e) {
        if (e instanceof ApiError && CLOSED_CODES.has(e.code)) { await close(e.code); break; }
        if (e instanceof ApiError && DROP_CODES.has(e.code)) { console.warn('recording chunk refused', e.code, chunk.kind, chunk.segment, chunk.seq); await forget(chunk); continue; }
        // offline, server or store trouble, or not started yet: keep everything and try again
        setOnline(!(e instanceof TypeError));
        await sleep(retryMs);
        retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
      }
      adapt();
    }
  } finally {
    pumping = false;
  }
}

/** Through the node: one PUT with the bytes; the answer is the acknowledgement. */
async function sendThroughNode(chunk) {
  const t0 = performance.now();
  await api(`${base}/tracks/${chunk.kind}/chunks/${chunk.seq}`, { method: 'PUT', body: chunk.blob,
    headers: { 'Content-Type': 'video/webm', 'X-Adal-Segment': String(chunk.segment),
      'X-Adal-Client-Start': chunk.start.toFixed(1), 'X-Adal-Client-End': chunk.end.toFixed(1) } });
  measured(chunk.size, t0);
  await forget(chunk);
}

function measured(bytes, t0) {
  state.sentBytes += bytes;
  const seconds = Math.max(0.05, (performance.now() - t0) / 1000);
  state.rate = state.rate ? 0.8 * state.rate + 0.2 * (bytes / seconds) : bytes / seconds;
}

/** @param {Blob} blob */
async function sha256Hex(blob) {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Straight to the object store (docs/media.md "Direct uploads"): for each chunk the node signs a short-lived PUT
 * address, the bytes go to the store, then the node is told which are there; it records them and only then
 * acknowledges. The queue rule is the same as through the node: a chunk is forgotten only on STORED/DUPLICATE.
 * A store that keeps failing (unreachable, no CORS rule) sends this page back to the node path.
 * @param {any[]} batch chunks of one kind and segment, oldest first
 */
async function sendDirect(batch) {
  const { kind, segment } = batch[0];
  /** @type {any[]} */
  const put = [];
  let failed = null;
  for (const chunk of batch) {
    chunk.sha256 = chunk.sha256 || await sha256Hex(chunk.blob);
    let address;
    try {
      address = await api(`${base}/tracks/${kind}/upload-urls`, { method: 'POST',
        body: { segment, seq: chunk.seq, size: chunk.size, sha256: chunk.sha256, contentType: 'video/webm' } });
    } catch (e) {
      if (e instanceof ApiError && DROP_CODES.has(e.code)) { console.warn('recording chunk refused', e.code, kind, segment, chunk.seq); await forget(chunk); continue; }
      failed = e;
      break;
    }
    if (address.outcome === 'DUPLICATE') { await forget(chunk); continue; }
    const t0 = performance.now();
    try {
      const r = await fetch(address.url, { method: 'PUT', body: chunk.blob, headers: address.headers, credentials: 'omit' });
      if (!r.ok) throw new Error(`store answered ${r.status}`); // an address that expired on a slow link: a new one next round
    } catch (e) {
      failed = storeFailed(e);
      break;
    }
    state.direct = true;
    state.storeFailures = 0;
    measured(chunk.size, t0);
    put.push(chunk);
  }
  if (put.length > 0) {
    const ack = await api(`${base}/tracks/${kind}/uploaded`, { method: 'POST', body: { segment,
      chunks: put.map(c => ({ seq: c.seq, size: c.size, sha256: c.sha256, clientStart: c.start, clientEnd: c.end })) } });
    for (const r of ack.chunks) {
      const chunk = put.find(c => c.seq === r.seq);
      if (!chunk) continue;
      if (r.outcome === 'STORED' || r.outcome === 'DUPLICATE') await forget(chunk);
      else if (r.outcome === 'REFUSED' && CLOSED_CODES.has(r.code)) throw new ApiError(409, { code: r.code });
      else if (r.outcome === 'REFUSED' && DROP_CODES.has(r.code)) { console.warn('recording chunk refused', r.code, kind, segment, r.seq); await forget(chunk); }
      // NOT_UPLOADED: the store does not have it whole; kept, and uploaded again
    }
  }
  if (failed) throw failed;
}

/** The store refused or could not be reached while the node could: after a few in a row, use the node. */
function storeFailed(e) {
  state.storeFailures = (state.storeFailures || 0) + 1;
  if (state.storeFailures >= DIRECT_FALLBACK_AFTER) {
    console.warn('direct upload to the object store failed', state.storeFailures, 'times; sending chunks through the server', e);
    state.direct = false;
  }
  return e;
}

function setOnline(v) {
  if (state.online !== v) { state.online = v; render(); }
}

/** The server closed this attempt's recording: stop and drop what it will never take. */
async function close(code) {
  state.closed = true;
  Object.values(state.recorders).forEach(r => r.stop());
  const queue = await pending();
  for (const c of queue) await forget(c);
  await tx(state.db, 'tracks', 'readwrite', s => { s.delete([attemptId, 'camera']); s.delete([attemptId, 'screen']); });
  state.pendingCount = 0;
  state.pendingBytes = 0;
  console.info('recording closed by the server:', code);
  render();
}

// ---------- graceful degradation (000 §4.6: screen rate, then camera resolution, then snapshot rate) ----------
function adapt() {
  if (!state.online || flushOnly || !state.rate) return;
  const drain = state.pendingBytes / state.rate;
  const now = performance.now();
  if (drain > DEGRADE_AFTER_DRAIN_S && state.level < 3 && now - state.lastLevelChange > 20000) {
    state.level += 1; state.lastLevelChange = now; state.lowSince = 0; applyLevel(); render();
  } else if (drain < RECOVER_BELOW_DRAIN_S && state.level > 0) {
    if (!state.lowSince) state.lowSince = now;
    if (now - state.lowSince > RECOVER_AFTER_MS) { state.level -= 1; state.lastLevelChange = now; state.lowSince = 0; applyLevel(); render(); }
  } else {
    state.lowSince = 0;
  }
}

function applyLevel() {
  const plan = state.plan;
  const screen = state.recorders.screen?.stream.getVideoTracks()[0];
  const camera = state.recorders.camera?.stream.getVideoTracks()[0];
  const screenFps = plan.screen ? (state.level >= 1 ? Math.max(0.2, plan.screen.frameRate / 4) : plan.screen.frameRate) : 1;
  screen?.applyConstraints({ frameRate: { ideal: screenFps, max: screenFps } }).catch(() => {});
  const small = state.level >= 2;
  camera?.applyConstraints({ width: { ideal: small ? plan.camera.width / 2 : plan.camera.width },
    height: { ideal: small ? plan.camera.height / 2 : plan.camera.height },
    frameRate: { ideal: small ? plan.camera.frameRate / 2 : plan.camera.frameRate } }).catch(() => {});
  // level 3: proctoring's snapshots are slowed by their client; answers are never held back
  window.dispatchEvent(new CustomEvent('adal:degrade', { detail: { level: state.level } }));
}

// ---------- storage quota ----------
async function checkQuota() {
  if (!navigator.storage?.estimate) return;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  const full = quota > 0 && usage / quota > STORAGE_WARN_RATIO;
  if (full !== state.storageWarning && (full || memoryQueue.length === 0)) { state.storageWarning = full; render(); }
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

// ---------- start ----------
async function main() {
  if (!attemptId || !window.indexedDB) return;
  await loadMessages();
  state.db = await openDb();
  try { await navigator.storage?.persist?.(); } catch { /* best effort: fewer evictions */ }
  for (;;) {
    try { state.plan = normalise(await api(`${base}/recording`)); break; } catch (e) {
      if (e instanceof ApiError) return; // not this student's attempt, or no recording
      await sleep(RETRY_MIN_MS);        // offline at load: the page itself came from the cache
    }
  }
  if (!state.plan.required) return;
  const running = state.plan.running;
  await waitForPage();
  render();
  if (running && !flushOnly && typeof MediaRecorder !== 'undefined') {
    for (const kind of kinds) await startKind(kind);
  }
  pump();
  window.addEventListener('online', () => { setOnline(true); pump(); });
  window.addEventListener('offline', () => setOnline(false));
  setInterval(() => { if (!pumping) pump(); }, 5000);
  setInterval(checkQuota, 30000);
  checkQuota();
  if (!flushOnly) setInterval(watchAttempt, 20000);
  window.addEventListener('adal:recording-check', watchAttempt); // the host page saw its stage change
  // a reload or closing the tab: hand the last blob to the queue (best effort; the next segment starts on load)
  window.addEventListener('pagehide', () => Object.values(state.recorders).forEach(r => { try { r.mr.requestData(); r.mr.stop(); } catch { /* inactive */ } }));
}

/** Stop recording when the attempt finishes (submitted, expired, stopped by a proctor); keep sending the queue. */
async function watchAttempt() {
  if (state.closed) return;
  try {
    const plan = normalise(await api(`${base}/recording`));
    if (!plan.running) {
      Object.values(state.recorders).forEach(r => { try { r.mr.requestData(); } catch { /* inactive */ } r.stop(); });
      state.stopped = {};
      render();
    }
  } catch { /* offline */ }
}

/** The page renders asynchronously; the indicator goes into its exam bar once it exists. */
function waitForPage() {
  return new Promise(resolve => {
    const ready = () => document.querySelector(flushOnly ? 'main' : target ? target.mount : '.exam-bar');
    if (ready()) { resolve(); return; }
    const obs = new MutationObserver(() => { if (ready()) { obs.disconnect(); resolve(); } });
    obs.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => { obs.disconnect(); resolve(); }, 10000);
  });
}

main().catch(e => console.error('recorder', e));
