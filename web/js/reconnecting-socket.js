// @ts-check
// One live socket that comes back after a drop, for every page that keeps one (the student's proctoring
// client, the proctor console, the oral room). What the pages had each written for themselves, once:
// - the socket is on this host (ws: or wss: as the page), and its first message is the page's `hello`
//   (the token is read at each opening, so a refreshed token is used);
// - a close with ACCESS_ENDED (4440: logged out, suspended, a role removed) stops for good and says
//   "signed out" (adal.js signedOut(), or the page's own onSignedOut);
// - any other close tells the page (onClose), which may keep it closed (return false) for a refusal it has
//   shown already; otherwise the page's beforeReconnect runs first (a REST call that refreshes an expired
//   token) and the next try waits 0.5, 1, 2, 4, 8, 8 … s; the page calls settled() when the server has
//   accepted it (its "ready"/"welcome"), which starts the waits afresh;
// - while the browser is offline no try is made: the next one starts when it is back online.
import { ACCESS_ENDED, signedOut } from '/js/adal.js';

/** 0.5 s doubled per failed try, at most 8 s (the fifth try and after). */
export const backoff = tries => 500 * 2 ** (Math.min(tries, 5) - 1);

/**
 * @param {object} o
 * @param {string} o.path the socket's path on this host, e.g. `/ws/attempts/${id}`
 * @param {() => object} o.hello the first message, sent at each opening (usually `{ type: 'auth', token: token() }`)
 * @param {(msg: any) => void} o.onMessage every text message, parsed from JSON
 * @param {(data: ArrayBuffer) => void} [o.onBinary] every binary message (the proctor console's snapshots)
 * @param {() => void} [o.onConnecting] each try, first or again (e.g. to say "connecting")
 * @param {() => void} [o.onOpen] each opening, after hello was sent
 * @param {(code: number) => (boolean|void)} [o.onClose] each close except a sign-out or a close(); false: don't reconnect
 *   (a later connect() still opens it again, e.g. "continue here" after PROCTORING_SESSION_ELSEWHERE)
 * @param {(code: number) => (Promise<unknown>|void)} [o.beforeReconnect] awaited before the next try; its failure is ignored
 * @param {(code: number) => void} [o.onSignedOut] after ACCESS_ENDED; the default shows adal.js's "signed out"
 * @param {(tries: number) => number} [o.delay] milliseconds before try n (1, 2, …) after a drop; default {@link backoff}
 */
export function reconnectingSocket({ path, hello, onMessage, onBinary = () => {}, onConnecting = () => {}, onOpen = () => {}, onClose = () => {}, beforeReconnect = () => {},
  onSignedOut = () => signedOut(), delay = backoff }) {
  let ws = null, tries = 0, stopped = false, timer = null, waitingOnline = false;

  function connect() {
    clearTimeout(timer); timer = null;
    if (stopped || (ws && ws.readyState <= WebSocket.OPEN)) return;
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const s = new WebSocket(`${proto}://${location.host}${path}`);
    ws = s;
    s.onopen = () => { s.send(JSON.stringify(hello())); onOpen(); };
    s.binaryType = 'arraybuffer';
    s.onmessage = e => { if (e.data instanceof ArrayBuffer) onBinary(e.data); else onMessage(JSON.parse(e.data)); };
    s.onclose = e => closed(s, e.code);
    onConnecting();
  }

  async function closed(s, code) {
    if (s !== ws || stopped) return;            // an old socket, or the page closed it for good
    if (code === ACCESS_ENDED) { stopped = true; onSignedOut(code); return; }
    if (onClose(code) === false) return;
    try { await beforeReconnect(code); } catch { /* the next try shows whether it helped */ }
    if (stopped || (ws && ws !== s)) return;     // closed or reopened meanwhile
    if (!navigator.onLine) { waitOnline(); return; }
    tries += 1;
    timer = setTimeout(connect, delay(tries));
  }

  function waitOnline() {
    if (waitingOnline) return;
    waitingOnline = true;
    window.addEventListener('online', () => { waitingOnline = false; tries = 0; connect(); }, { once: true });
  }

  return {
    connect,
    /** Sends a message as JSON when the socket is open; false when it is not (nothing is queued). */
    send(msg) {
      if (!ws || ws.readyState !== WebSocket.OPEN) return false;
      ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
      return true;
    },
    /** Sends bytes as one binary message when the socket is open; false when it is not. */
    sendBinary(/** @type {ArrayBuffer|Uint8Array} */ data) {
      if (!ws || ws.readyState !== WebSocket.OPEN) return false;
      ws.send(data);
      return true;
    },
    isOpen: () => !!ws && ws.readyState === WebSocket.OPEN,
    /** The server accepted this connection: the next drop waits the shortest time again. */
    settled() { tries = 0; },
    /** Closes this connection (e.g. the browser went offline); the usual reconnection follows. */
    drop() { if (ws) ws.close(); },
    /** Closes for good: no more tries, no more callbacks. */
    close() { stopped = true; clearTimeout(timer); if (ws) ws.close(); },
  };
}
