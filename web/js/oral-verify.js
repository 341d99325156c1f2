// @ts-check
// Recomputes an oral-exam ticket draw in the browser (Web Crypto), exactly as kz.adal.oral.ticket.TicketDraw:
//   commitment = SHA-256(seedHex + ":" + sittingId + ":" + studentId)            (UTF-8, lowercase hex)
//   for k = 0, 1, …: x = first 4 bytes of SHA-256(seedHex + ":" + k), big-endian unsigned;
//     accept when x < 2^32 − (2^32 mod n); index = x mod n over the ascending list of available tickets.
// See docs/oral-exam.md for a worked example.

async function sha256(text) {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return new Uint8Array(buf);
}
const hex = bytes => [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');

export async function commitmentOf(seedHex, sittingId, studentId) {
  return hex(await sha256(`${seedHex}:${sittingId}:${studentId}`));
}

export async function indexOf(seedHex, n) {
  if (n < 1) throw new Error('no tickets');
  const range = 2 ** 32;
  const limit = range - (range % n);
  for (let k = 0; ; k++) {
    const d = await sha256(`${seedHex}:${k}`);
    const x = ((d[0] << 24) >>> 0) + (d[1] << 16) + (d[2] << 8) + d[3];
    if (x < limit) return x % n;
  }
}

/** {commitmentOk, ticketOk, commitment, ticket} for a revealed draw. */
export async function verifyDraw({ commitment, seed, sittingId, studentId, availableTickets, ticketNumber }) {
  const recomputed = await commitmentOf(seed, sittingId, studentId);
  const sorted = [...availableTickets].sort((a, b) => a - b);
  const ticket = sorted[await indexOf(seed, sorted.length)];
  return { commitmentOk: recomputed === String(commitment).toLowerCase(), ticketOk: ticket === ticketNumber, commitment: recomputed, ticket };
}
