// @ts-check
// Adal browser core: session, API calls, message bundles and the page frame.
// Native ES module, no build step. Every page imports this and calls `page({...})`.

const LANGS = ['kk', 'ru', 'en'];
const store = window.sessionStorage;
let messages = {};

// ---------- i18n ----------
export function lang() {
  return localStorage.getItem('adal.lang') || (navigator.language || 'kk').slice(0, 2).replace(/[^a-z]/g, '') || 'kk';
}
function currentLang() { const l = lang(); return LANGS.includes(l) ? l : 'kk'; }

export async function loadMessages(bundles) {
  const l = currentLang();
  const [all] = await Promise.all([Promise.all(bundles.map(b => fetch(`/i18n/${b}.${l}.json`).then(r => r.ok ? r.json() : {}))), loadSettings()]);
  messages = Object.assign({}, ...all);
  document.documentElement.lang = l;
}

/** Message by key, with {name} placeholders filled from params. Missing keys show the key itself. */
export function t(key, params = {}) {
  let s = messages[key] ?? key;
  for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, v);
  return s;
}

/**
 * Fill [data-i18n], [data-i18n-placeholder], [data-i18n-title], [data-i18n-aria] under root.
 * @param {ParentNode} [root]
 */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(/** @param {HTMLElement} e */ e => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(/** @param {HTMLInputElement} e */ e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach(/** @param {HTMLElement} e */ e => { e.title = t(e.dataset.i18nTitle); });
  root.querySelectorAll('[data-i18n-aria]').forEach(/** @param {HTMLElement} e */ e => { e.setAttribute('aria-label', t(e.dataset.i18nAria)); });
}

// ---------- session ----------
export function user() { try { return JSON.parse(store.getItem('adal.user')); } catch { return null; } }
export function hasRole(...roles) { const u = user(); return !!u && roles.some(r => u.roles.includes(r)); }
function saveTokens(body) {
  store.setItem('adal.token', body.accessToken);
  store.setItem('adal.user', JSON.stringify(body.user));
}
export function token() { return store.getItem('adal.token'); }

export async function login(loginName, password) {
  const r = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLang() },
    body: JSON.stringify({ login: loginName, password }), credentials: 'same-origin' });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new ApiError(r.status, body);
  saveTokens(body);
  return settleLanguage(body.user);
}

/**
 * Takes up the session a sign-in elsewhere left in the refresh cookie (the university's sign-in sends the
 * browser back with it): the same exchange as after a reload. The signed-in user, or null when there is none.
 */
export async function resumeSession() {
  if ((await refresh()) !== 'ok') return null;
  return settleLanguage(user());
}

async function settleLanguage(u) {
  const chosen = localStorage.getItem('adal.lang');
  if (u?.uiLanguage && !chosen) localStorage.setItem('adal.lang', u.uiLanguage);
  else if (chosen && LANGS.includes(chosen) && u && u.uiLanguage !== chosen) {
    // the language picked on the login page becomes the account's: the server words refusals, notices and mails in it
    u.uiLanguage = chosen;
    store.setItem('adal.user', JSON.stringify(u));
    await api('/api/users/me/language', { method: 'PUT', body: { language: chosen } }).catch(() => {});
  }
  return u;
}

/**
 * Thrown by api() when the server can't be reached (a network error, or the token refresh had no
 * answer). It is never a logout: callers keep what they were sending and try again later.
 */
export class Unreachable extends Error {
  constructor(cause) { super('server unreachable'); this.cause = cause; }
}

/**
 * Gets a new access token with the refresh cookie. 'ok', 'ended' (the server refused: log in
 * again) or 'unreachable' (no answer, a 5xx, throttled: the session may well be alive — try later).
 */
let refreshing = null;
async function refresh() {
  if (!refreshing) {
    refreshing = fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin' })
      .then(async r => {
        if (r.ok) { saveTokens(await r.json()); return 'ok'; }
        return r.status === 401 || r.status === 403 ? 'ended' : 'unreachable';
      })
      .catch(() => 'unreachable')
      .finally(() => { setTimeout(() => { refreshing = null; }, 0); });
  }
  return refreshing;
}

export async function logout() {
  try { await api('/api/auth/logout', { method: 'POST' }); } catch { /* already gone */ }
  store.removeItem('adal.token'); store.removeItem('adal.user');
  location.href = '/';
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail || t('core.error'));   // the server's detail is already in the reader's language
    this.status = status; this.code = body?.code; this.errors = body?.errors || []; this.body = body;
  }
}

/**
 * Inside Safe Exam Browser, the keys its JavaScript API gives this page (hashed with the page's URL), sent
 * with every request: SEB's newer engines no longer add them as headers themselves (the server checks
 * either, exam.SafeExamBrowser).
 * @returns {Record<string, string>}
 */
function sebHeaders() {
  const security = /** @type {any} */ (window).SafeExamBrowser?.security;
  if (!security?.configKey && !security?.browserExamKey) return {};
  /** @type {Record<string, string>} */
  const h = { 'X-Adal-Seb-Page': location.href.split('#')[0] };
  if (security.configKey) h['X-Adal-Seb-Config-Key-Hash'] = security.configKey;
  if (security.browserExamKey) h['X-Adal-Seb-Browser-Exam-Key-Hash'] = security.browserExamKey;
  return h;
}

/**
 * @typedef {object} ApiOptions
 * @property {string} [method] GET unless given
 * @property {any} [body] an object is sent as JSON; a Blob, ArrayBuffer, FormData or string as it is
 * @property {Record<string, string>} [headers]
 * @property {boolean} [raw] resolve to the Response itself (downloads, streams)
 * @property {AbortSignal} [signal]
 */
/**
 * fetch against our API with the access token; refreshes once on 401; throws ApiError with the problem details.
 * @param {string} path
 * @param {ApiOptions} [options]
 * @returns {Promise<any>}
 */
export async function api(path, { method = 'GET', body, headers = {}, raw = false, signal } = {}) {
  const go = () => {
    /** @type {Record<string, string>} */
    const h = { 'Accept-Language': currentLang(), ...headers };   // refusals come back worded in the page's language
    if (token()) h.Authorization = `Bearer ${token()}`;
    Object.assign(h, sebHeaders());
    let payload = body;
    if (body !== undefined && !(body instanceof Blob) && !(body instanceof ArrayBuffer) && !(body instanceof FormData) && typeof body !== 'string') {
      h['Content-Type'] = h['Content-Type'] || 'application/json';
      payload = JSON.stringify(body);
    }
    return fetch(path, { method, headers: h, body: payload, credentials: 'same-origin', signal });
  };
  let r;
  try { r = await go(); } catch (e) { if (e?.name === 'AbortError') throw e; throw new Unreachable(e); }
  if (r.status === 401 && !path.startsWith('/api/auth/')) {
    const got = await refresh();
    if (got === 'unreachable') throw new Unreachable();
    if (got === 'ok') {
      try { r = await go(); } catch (e) { if (e?.name === 'AbortError') throw e; throw new Unreachable(e); }
    }
  }
  if (r.status === 401 && !path.startsWith('/api/auth/')) {
    store.removeItem('adal.token');
    location.href = '/?next=' + encodeURIComponent(location.pathname + location.search);
    throw new ApiError(401, { code: 'SESSION_ENDED' });
  }
  if (raw) { if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => ({}))); return r; }
  if (r.status === 204) return null;
  const text = await r.text();
  const data = text ? (() => { try { return JSON.parse(text); } catch { return text; } })() : null;
  if (!r.ok) throw new ApiError(r.status, data);
  return data;
}

// ---------- DOM helpers ----------
/** h('button#save.primary', {onclick}, 'text', child...) — a tiny element builder: tag#id.class.class. */
export function h(spec, attrs = {}, ...children) {
  const tag = spec.match(/^[a-z0-9-]*/i)[0] || 'div';
  const e = document.createElement(tag);
  const id = spec.match(/#([\w-]+)/);
  if (id) e.id = id[1];
  const classes = [...spec.matchAll(/\.([\w-]+)/g)].map(x => x[1]);
  if (classes.length) e.className = classes.join(' ');
  if (attrs === null || typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs)) { children.unshift(attrs); attrs = {}; }
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'html') e.innerHTML = v;
    // through the CSSOM: the Content-Security-Policy refuses style="…" attributes (no 'unsafe-inline')
    else if (k === 'style' && typeof v === 'string') e.style.cssText = v;
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

let noticeTimer;
/** A polite status line for screen readers and everyone else. */
export function notify(message, kind = 'info') {
  let box = $('#notice');
  if (!box) { box = h('div#notice', { role: 'status', 'aria-live': 'polite' }); document.body.append(box); }
  box.className = `notice ${kind}`;
  box.textContent = message;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { box.className = 'notice hidden'; }, kind === 'error' ? 8000 : 4000);
}

/**
 * An address someone typed, fit for href: only https:// (or, with sameSite, a path on this site); otherwise null,
 * so a stored `javascript:` link never becomes clickable. Links made from it open with rel="noopener noreferrer".
 */
export function safeHref(url, { sameSite = false } = {}) {
  if (typeof url !== 'string') return null;
  if (sameSite && /^\/(?!\/)/.test(url)) return url;
  try { const u = new URL(url); return u.protocol === 'https:' && !u.username && !u.password ? u.href : null; } catch { return null; }
}

/** The close code of a live socket whose login ended (logout, suspension, a role removed): pages never reconnect after it. */
export const ACCESS_ENDED = 4440;

/** Says "signed out" at the top of the page, with a way to log in again (after an ACCESS_ENDED close). */
export function signedOut() {
  if ($('#signed-out')) return;
  store.removeItem('adal.token');
  const next = '/?next=' + encodeURIComponent(location.pathname + location.search);
  const box = h('div.problem#signed-out', { role: 'alert' }, h('strong', t('core.signedOut')), ' ', t('core.signedOutText'), ' ',
    h('a', { href: next }, t('core.loginAgain')));
  ($('#main') || document.body).prepend(box);
}

/**
 * Show an ApiError: its message, and per-item errors (with line numbers) when present. The server words
 * the detail in the reader's language (its catalogue, texts/texts*.properties): the page shows it as it is.
 */
export function problemView(err) {
  const items = (err.errors || []).filter(e => e && e.message).map(e => h('li', e.line ? `${t('core.line')} ${e.line}: ${e.message}` : e.message));
  return h('div.problem', { role: 'alert' }, h('strong', err.body?.detail || err.message || t('core.error')), items.length ? h('ul', items) : null);
}

// ---------- the institution's time zone ----------
// Times on screen are read in the institution's zone, which only the server knows (adal.zone, the one its
// TimeSource reads): GET /api/public/settings, asked once per tab before a page shows anything (loadMessages).
// Until it has answered — or if it can't — the browser's own zone is used, which test browsers keep at UTC so
// that a page showing a time too early shows a wrong one.
let zoneId = store.getItem('adal.zone') || Intl.DateTimeFormat().resolvedOptions().timeZone;
/** @type {Promise<void> | null} */
let settingsAsked = null;

/** Asks the server for the institution's settings (its time zone) once per tab. */
export function loadSettings() {
  if (!settingsAsked) {
    settingsAsked = store.getItem('adal.zone') ? Promise.resolve() : fetch('/api/public/settings', { credentials: 'same-origin' })
      .then(r => r.ok ? r.json() : null)
      .then(x => { if (x && typeof x.zone === 'string' && x.zone) { zoneId = x.zone; store.setItem('adal.zone', x.zone); } })
      .catch(() => { settingsAsked = null; });
  }
  return settingsAsked || Promise.resolve();
}

/** The institution's time zone (IANA name) as the server configures it. */
export function zone() { return zoneId; }

/** The calendar day (YYYY-MM-DD) in the institution's zone, `days` after today: never the browser's or UTC's day. */
export function dayInZone(days = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zoneId, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86400000));
}

// Month names of our own: Debian's Chromium has no Kazakh locale data (it prints "2026 M12 1"), so dates are
// put together here from numeric parts, which every browser gives alike. Russian takes the genitive ("1 декабря").
const MONTHS = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
/** @type {{ zone: string, format: Intl.DateTimeFormat } | null} */
let parts = null;
/** The numeric formatter of the institution's zone (made again if the zone has changed since). */
function partsFormat() {
  if (!parts || parts.zone !== zoneId) {
    parts = { zone: zoneId, format: new Intl.DateTimeFormat('en-GB', { timeZone: zoneId, year: 'numeric', month: 'numeric', day: 'numeric',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }) };
  }
  return parts.format;
}

/**
 * The numeric parts of a moment in the institution's zone (or of a plain day, 'YYYY-MM-DD', taken as it is).
 * @param {string | number | Date} value
 * @returns {{ y: number, m: number, d: number, hh: string, mm: string, ss: string } | null}
 */
function partsOf(value) {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return { y, m, d, hh: '00', mm: '00', ss: '00' };
  }
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return null;
  /** @type {Record<string, string>} */
  const p = {};
  for (const x of partsFormat().formatToParts(at)) p[x.type] = x.value;
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), hh: p.hour === '24' ? '00' : p.hour, mm: p.minute, ss: p.second };
}

/** A day in the reader's language: "1 желтоқсан 2026 ж.", "1 декабря 2026 г.", "1 December 2026" ('—' when there is none). */
export function fmtDay(value) {
  const p = value ? partsOf(value) : null;
  if (!p) return '—';
  const l = currentLang();
  const month = MONTHS[l][p.m - 1];
  return l === 'kk' ? `${p.d} ${month} ${p.y} ж.` : l === 'ru' ? `${p.d} ${month} ${p.y} г.` : `${p.d} ${month} ${p.y}`;
}

/** Date and time in the user's language, 24-hour, in the institution's zone ('—' when there is none). */
export function fmtDate(iso) {
  const p = iso ? partsOf(iso) : null;
  if (!p) return '—';
  return `${fmtDay(iso)}, ${p.hh}:${p.mm}`;
}

/** Time of day (with seconds unless told otherwise), 24-hour, in the institution's zone. */
export function fmtTime(iso, seconds = true) {
  const p = iso ? partsOf(iso) : null;
  if (!p) return '—';
  return seconds ? `${p.hh}:${p.mm}:${p.ss}` : `${p.hh}:${p.mm}`;
}

/** A length of time as people read it, zero parts left out: "7 мин", "12 мин 5 с", "1 сағ 5 мин" (seconds dropped from an hour on). */
export function fmtDuration(seconds) {
  if (seconds == null || Number.isNaN(Number(seconds))) return '—';
  const s = Math.max(0, Math.round(Number(seconds)));
  const unit = { kk: ['сағ', 'мин', 'с'], ru: ['ч', 'мин', 'с'], en: ['h', 'min', 's'] }[currentLang()];
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  if (h) return m ? `${h} ${unit[0]} ${m} ${unit[1]}` : `${h} ${unit[0]}`;
  if (m) return r ? `${m} ${unit[1]} ${r} ${unit[2]}` : `${m} ${unit[1]}`;
  return `${r} ${unit[2]}`;
}

/**
 * Asks before an action that can't be undone, in a modal <dialog> (keyboard: Tab between the buttons,
 * Escape cancels). Resolves true when the person confirms.
 */
export function confirmDialog({ title, text, ok, cancel = t('core.cancel'), danger = false }) {
  return new Promise(resolve => {
    const done = yes => { d.close(); d.remove(); resolve(yes); };
    const no = h('button#confirm-cancel', { type: 'button', onclick: () => done(false) }, cancel);
    const yes = h('button#confirm-ok' + (danger ? '.danger' : '.primary'), { type: 'button', onclick: () => done(true) }, ok);
    const d = h('dialog.confirm', { 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
      h('h2#confirm-title', title), h('p#confirm-text', text), h('div.actions', yes, no));
    d.addEventListener('cancel', e => { e.preventDefault(); done(false); });
    document.body.append(d);
    d.showModal();
    no.focus();
  });
}

// ---------- the page frame ----------
const NAV = [
  { href: '/home.html', key: 'nav.home', roles: null },
  { href: '/admin/users.html', key: 'nav.users', roles: ['SYSTEM_ADMIN'] },
  { href: '/bank/index.html', key: 'nav.banks', roles: ['BANK_AUTHOR', 'HEAD_OF_DEPARTMENT', 'BANK_EXPERT', 'TEACHER', 'SYSTEM_ADMIN'] },
  { href: '/student/index.html', key: 'nav.myExams', roles: ['STUDENT'] },
  { href: '/exam/index.html', key: 'nav.exams', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'SYSTEM_ADMIN', 'DEAN', 'REGISTRAR'] },
  { href: '/proctor/index.html', key: 'nav.proctor', roles: ['PROCTOR'] },
  { href: '/admin/audit.html', key: 'nav.audit', roles: ['SYSTEM_ADMIN', 'REGISTRAR', 'REVIEWER'] },
];
export function registerNav(items) { NAV.push(...items); }

function header() {
  const u = user();
  const langSel = h('select#lang', { 'aria-label': t('core.language'), onchange: async e => {
      localStorage.setItem('adal.lang', e.target.value);
      if (user()) api('/api/users/me/language', { method: 'PUT', body: { language: e.target.value } }).catch(() => {});
      location.reload();
    } }, LANGS.map(l => h('option', { value: l, selected: l === currentLang() }, { kk: 'Қазақша', ru: 'Русский', en: 'English' }[l])));
  const nav = u ? h('nav', { 'aria-label': t('core.mainNav') }, NAV.filter(n => !n.roles || n.roles.some(r => u.roles.includes(r)))
    .map(n => h('a', { href: n.href, 'aria-current': location.pathname === n.href ? 'page' : false }, t(n.key)))) : null;
  return h('header.top', {},
    h('a.brand', { href: u ? '/home.html' : '/' }, h('span.logo', { 'aria-hidden': 'true' }, 'A'), 'Adal'),
    nav,
    h('div.who', {}, langSel, u ? h('span.user', {}, u.fullName) : null,
      u ? h('button.link', { onclick: logout }, t('core.logout')) : null));
}

/**
 * Build the page: load bundles, require login (and roles), draw the header, then call render(main).
 * Pages: `page({ bundles: ['bank'], roles: ['BANK_AUTHOR'], title: 'bank.title', render })`.
 */
/**
 * Builds the page frame (header, language, navigation) and calls render(main) once the person may see it.
 * @param {{ bundles?: string[], roles?: string[] | null, title?: string, render: (main: HTMLElement) => any, anonymous?: boolean }} options
 */
export async function page({ bundles = [], roles = null, title, render, anonymous = false }) {
  await loadMessages(['core', ...bundles]);
  if (!anonymous && !token()) {
    // only a refusal sends the person to the login page; no answer leaves them here to try again
    if ((await refresh()) === 'ended') { location.href = '/?next=' + encodeURIComponent(location.pathname + location.search); return; }
  }
  if (title) document.title = `${t(title)} — Adal`;
  const main = h('main#main', { tabindex: '-1' });
  // pages build optional parts as `cond ? part : null`; the DOM would print a bare null as "null"
  const append = main.append.bind(main);
  main.append = (...parts) => append(...parts.filter(p => p != null && p !== false));
  document.body.replaceChildren(h('a.skip', { href: '#main' }, t('core.skip')), header(), main);
  if (roles && !hasRole(...roles)) { main.append(h('div.problem', { role: 'alert' }, t('core.noAccess'))); return; }
  try {
    await render(main);
  } catch (e) {
    console.error(e);
    main.append(e instanceof ApiError ? problemView(e) : h('div.problem', { role: 'alert' }, t('core.error')));
  }
  translate(document);
}

/** Read a file input as bytes for upload. */
export function readFile(file) {
  return new Promise((res, rej) => { const r = new FileReader(); r.onload = () => res(r.result); r.onerror = rej; r.readAsArrayBuffer(file); });
}
