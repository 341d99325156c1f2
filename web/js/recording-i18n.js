// @ts-check
// Messages of the recording modules (bundle web/i18n/recording.<lang>.json). Kept apart from adal.js's
// messages so the modules can join a page that loaded its own bundles without replacing them.
import { lang } from '/js/adal.js';

let messages = {};

export async function loadRecordingMessages() {
  const l = ['kk', 'ru', 'en'].includes(lang()) ? lang() : 'kk';
  try { messages = await (await fetch(`/i18n/recording.${l}.json`)).json(); } catch { messages = {}; }
}

export function tr(key, params = {}) {
  let s = messages[key] ?? key;
  for (const [k, v] of Object.entries(params)) s = s.replaceAll(`{${k}}`, v);
  return s;
}

export function ensureRecordingCss() {
  if (!document.querySelector('link[href="/css/recording.css"]')) {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/css/recording.css' }));
  }
}
