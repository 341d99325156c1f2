// @ts-check
// The built-in video room (issue 14): every participant's camera and microphone reach every other page through
// a WebRTC mesh (enough for a commission of up to ~8), signalled over the room socket (rtc.join / rtc.signal /
// rtc.leave), with the STUN/TURN servers and the upstream budget the server hands out. Every few seconds the page
// reports to the server what it receives from the participant the room's rule reads (the current student: decoded
// frames and audio packets growing, from getStats()) and its own mute state: the answer starts only when every
// grader receives the student (the server's rule), and everyone sees who is connected and muted.
//
// What it costs. Every peer connection encodes its own copy of the camera, so a six-page mesh is five encoders and
// five decoders per page, on laptops that are often weak. Each copy is encoded for what its receiver needs
// (profiles below): everyone needs the student large; the student needs the commission as faces; the staff need
// each other as thumbnails only (the secretary and the head of department still see everyone). Audio goes in 60 ms
// packets (a third of the packets, and of their headers, of WebRTC's default 20 ms).

/** Opus for speech, per peer (payload; headers are counted apart). */
const AUDIO_BPS = 16000;
/** Audio frame length asked for (a=ptime): fewer packets, fewer headers, less work per second. */
const PTIME_MS = 60;
/**
 * RTP header bytes per packet as Chromium sends them (12 bytes and its header extensions), from getStats
 * headerBytesSent / packetsSent in OralRoomBrowserTest (docs/oral-exam.md "Degraded links"): audio ~28, video ~30.
 */
const AUDIO_HEADER_BYTES = 28;
const VIDEO_HEADER_BYTES = 30;
/** The slowest a check of what arrives may be: reports older than 8 s count as missing on the server. */
const REPORT_MS = 3000;

/**
 * How one copy of this page's camera is encoded, by what its receiver needs: `weight` is its share of the video
 * budget, `scale` divides the resolution, `fps` caps the frame rate, `packets` is per frame (for the headers).
 * @typedef {{ weight: number, scale: number, fps: number, packets: number }} Profile
 */
/** @type {Record<'full'|'face'|'thumb', Profile>} */
export const PROFILES = {
  full: { weight: 1, scale: 1, fps: 15, packets: 1.5 },     // the student, to everyone: full resolution (000 §4.6)
  face: { weight: 1, scale: 2, fps: 10, packets: 1 },       // a member of the commission, to the student
  thumb: { weight: 0.3, scale: 4, fps: 5, packets: 1 },     // the staff to each other: a thumbnail
};

/**
 * What one page sends at most to each peer (kbit/s payload caps) and in all with headers, for an upstream budget.
 * @param {number} upstreamKbps the whole upstream this room may use, RTP headers included
 * @param {Profile[]} profiles one per peer
 * @returns {{ audioBps: number, videoBps: number[], wireKbps: number }}
 */
export function shares(upstreamKbps, profiles) {
  const audioWire = AUDIO_BPS + 1000 / PTIME_MS * AUDIO_HEADER_BYTES * 8;
  const videoHeaders = profiles.map(p => p.fps * p.packets * VIDEO_HEADER_BYTES * 8);
  const left = upstreamKbps * 1000 - profiles.length * audioWire - videoHeaders.reduce((a, b) => a + b, 0);
  const weights = profiles.reduce((a, p) => a + p.weight, 0) || 1;
  const videoBps = profiles.map(p => Math.max(20000 * p.weight, Math.floor(left * p.weight / weights)));
  const wire = profiles.length * audioWire + videoHeaders.reduce((a, b) => a + b, 0) + videoBps.reduce((a, b) => a + b, 0);
  return { audioBps: AUDIO_BPS, videoBps, wireKbps: Math.round(wire / 1000) };
}

/** The audio section of a session description with 60 ms packets asked for (what our encoder then uses). */
function withPtime(sdp) {
  return sdp.replace(/a=ptime:\d+\r\n/g, '').replace(/(m=audio [^\r\n]*\r\n)/, `$1a=ptime:${PTIME_MS}\r\n`);
}

/**
 * @typedef {{ pc: RTCPeerConnection, userId: string, queued: RTCIceCandidateInit[], last: { frames?: number, samples?: number },
 *   live: { audio: boolean, video: boolean } }} Peer
 */

/**
 * @param {object} o
 * @param {(msg: object) => void} o.send     sends a message on the room socket (sittingId is added by the caller)
 * @param {RTCIceServer[]} o.iceServers
 * @param {number} o.upstreamKbps            this participant's whole upstream for the room, headers included (000 §4.6)
 * @param {(userId: string) => keyof PROFILES} o.profile  how this page's camera is encoded for that receiver
 * @param {() => (string|null)} o.watched    the participant whose media the room's rule reads (the current student)
 * @param {MediaStream} o.stream             this page's camera and microphone
 * @param {(userId: string, stream: MediaStream|null, connectionId: string) => void} o.onRemote  a peer's media arrived or left
 */
export function createMesh(o) {
  /** @type {Map<string, Peer>} connectionId → peer */
  const peers = new Map();
  /** @type {string|null} my connection id */
  let me = null;
  /** @type {ReturnType<typeof setInterval>|null} */
  let timer = null;

  let upstreamKbps = o.upstreamKbps;

  /** Caps every sender so that the sum to all peers, headers included, stays within the upstream budget. */
  async function applyBudget() {
    const list = [...peers.values()];
    const profiles = list.map(p => PROFILES[o.profile(p.userId)]);
    const s = shares(upstreamKbps, profiles);
    await Promise.all(list.map(async (p, i) => {
      for (const sender of p.pc.getSenders()) {
        if (!sender.track) continue;
        const params = sender.getParameters();
        if (!params.encodings || !params.encodings.length) continue;
        if (sender.track.kind === 'video') {
          params.encodings[0].maxBitrate = s.videoBps[i];
          params.encodings[0].scaleResolutionDownBy = profiles[i].scale;
          params.encodings[0].maxFramerate = profiles[i].fps;
          // the student's picture keeps its resolution when the link is short (frames are dropped instead)
          if (profiles[i] === PROFILES.full) params.degradationPreference = 'maintain-resolution';
        } else {
          params.encodings[0].maxBitrate = s.audioBps;
        }
        try { await sender.setParameters(params); } catch { /* not negotiated yet: applied after the answer */ }
      }
    }));
  }

  /** @returns {Peer} */
  function peer(connectionId, userId) {
    let p = peers.get(connectionId);
    if (p) return p;
    const pc = new RTCPeerConnection({ iceServers: o.iceServers });
    p = { pc, userId, queued: [], last: {}, live: { audio: false, video: false } };
    peers.set(connectionId, p);
    o.stream.getTracks().forEach(t => pc.addTrack(t, o.stream));
    pc.onicecandidate = e => { if (e.candidate) o.send({ type: 'rtc.signal', to: connectionId, data: { candidate: e.candidate.toJSON() } }); };
    pc.ontrack = e => o.onRemote(userId, e.streams[0] || new MediaStream([e.track]), connectionId);
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'connected') applyBudget();
      if (pc.connectionState === 'failed') pc.restartIce?.();
    };
    return p;
  }

  function drop(connectionId) {
    const p = peers.get(connectionId);
    if (!p) return;
    p.pc.close();
    peers.delete(connectionId);
    o.onRemote(p.userId, null, connectionId);
    applyBudget();
  }

  async function offer(connectionId, userId) {
    const p = peer(connectionId, userId);
    await p.pc.setLocalDescription(await p.pc.createOffer());
    o.send({ type: 'rtc.signal', to: connectionId, data: { description: p.pc.localDescription.toJSON() } });
  }

  async function onSignal(msg) {
    const { from, userId, data } = msg;
    if (data.hello) {                       // a page with a larger id saw us join: we make the offer
      if (!peers.has(from)) await offer(from, userId);
      return;
    }
    const p = peer(from, userId);
    if (data.description) {
      await p.pc.setRemoteDescription({ type: data.description.type, sdp: withPtime(data.description.sdp) });
      for (const c of p.queued.splice(0)) await p.pc.addIceCandidate(c).catch(() => {});
      if (data.description.type === 'offer') {
        await p.pc.setLocalDescription(await p.pc.createAnswer());
        o.send({ type: 'rtc.signal', to: from, data: { description: p.pc.localDescription.toJSON() } });
      }
      applyBudget();
    } else if (data.candidate) {
      if (p.pc.remoteDescription) await p.pc.addIceCandidate(data.candidate).catch(() => {});
      else p.queued.push(data.candidate);
    }
  }

  /**
   * Has audio (packets) and video (decoded frames) arrived from the watched participant since the last look? Only
   * that peer's connection is asked (getStats is the page's costliest periodic call; nobody reads the others).
   */
  async function measure() {
    const out = [];
    const watched = o.watched();
    for (const [id, p] of peers) {
      if (p.userId !== watched) continue;
      // video: frames decoded; audio: packets received (concealment keeps sample counters growing even when
      // nothing arrives, so they can't tell an outage)
      let frames = 0, samples = 0;
      const stats = await p.pc.getStats().catch(() => null);
      stats?.forEach(s => {
        if (s.type !== 'inbound-rtp') return;
        if (s.kind === 'video') frames += s.framesDecoded || 0;
        if (s.kind === 'audio') samples += s.packetsReceived || 0;
      });
      p.live = { audio: samples > (p.last.samples ?? Infinity), video: frames > (p.last.frames ?? Infinity) };
      p.last = { frames, samples };
      out.push({ connectionId: id, userId: p.userId, audio: p.live.audio, video: p.live.video });
    }
    return out;
  }

  /** Sends the report (every round: the server forgets reports after 8 s). */
  async function report() {
    const list = await measure();
    const [a] = o.stream.getAudioTracks(), [v] = o.stream.getVideoTracks();
    const msg = { type: 'rtc.stats', peers: list.map(x => ({ userId: x.userId, audio: x.audio, video: x.video })),
      muted: { audio: !a || !a.enabled || a.readyState === 'ended', video: !v || !v.enabled || v.readyState === 'ended' } };
    o.send(msg);
    return list;
  }

  return {
    peers,
    /** @type {string|false} the connection id this page joined with (set by the page) */
    joined: false,
    /** The socket said welcome: our connection id; then announce ourselves. */
    join(connectionId) {
      me = connectionId;
      for (const id of [...peers.keys()]) drop(id);
      o.send({ type: 'rtc.join' });
      if (!timer) timer = setInterval(() => report().catch(() => {}), REPORT_MS);
    },
    /** A room socket message of type rtc.*. */
    async handle(msg) {
      if (msg.type === 'rtc.join') {
        if (peers.has(msg.from)) drop(msg.from);           // that page reconnected
        // the smaller connection id makes the offer, so two pages joining at once never both offer
        if (me < msg.from) await offer(msg.from, msg.userId);
        else o.send({ type: 'rtc.signal', to: msg.from, data: { hello: true } });
      } else if (msg.type === 'rtc.signal') {
        await onSignal(msg);
      } else if (msg.type === 'rtc.leave') {
        drop(msg.from);
      }
    },
    /** What this page may send to its peers changed (the student's recording takes its share of the same link). */
    setUpstream(kbps) {
      upstreamKbps = kbps;
      applyBudget();
    },
    /** Who needs what changed (another student's turn): the copies are encoded again for their receivers. */
    rebudget() {
      applyBudget();
    },
    /** Mute or unmute this page's microphone or camera (the others see it in the next report). */
    toggle(kind) {
      const tracks = kind === 'audio' ? o.stream.getAudioTracks() : o.stream.getVideoTracks();
      tracks.forEach(t => { t.enabled = !t.enabled; });
      report().catch(() => {});
      return tracks.some(t => t.enabled);
    },
    leave() {
      clearInterval(timer); timer = null;
      for (const id of [...peers.keys()]) drop(id);
      o.send({ type: 'rtc.leave' });
    },
  };
}
