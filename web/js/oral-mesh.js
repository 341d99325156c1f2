// The built-in video room (issue 14): every participant's camera and microphone reach every other page through
// a WebRTC mesh (enough for a commission of up to ~8), signalled over the room socket (rtc.join / rtc.signal /
// rtc.leave), with the STUN/TURN servers and the upstream budget the server hands out. Every 2 s the page reports
// to the server, from getStats(), whose audio and video actually arrive (decoded frames and audio samples
// growing) and its own mute state: the answer starts only when every grader receives the student
// (the server's rule), and everyone sees who is connected and muted.

const AUDIO_BPS = 24000;          // Opus for speech; per peer
const REPORT_MS = 2000;

/**
 * @param {object} o
 * @param {(msg: object) => void} o.send     sends a message on the room socket (sittingId is added by the caller)
 * @param {RTCIceServer[]} o.iceServers
 * @param {number} o.upstreamKbps            this participant's whole upstream (000 §4.6)
 * @param {boolean} o.fullVideo              the student: the budget goes to their video; members send less
 * @param {MediaStream} o.stream             this page's camera and microphone
 * @param {(userId: string, stream: MediaStream|null, connectionId: string) => void} o.onRemote  a peer's media arrived or left
 */
export function createMesh(o) {
  const peers = new Map();     // connectionId → { pc, userId, queued: [], counters }
  let me = null;               // my connection id
  let timer = null;

  let upstreamKbps = o.upstreamKbps;

  function budget() {
    const n = Math.max(1, peers.size);
    const videoBps = Math.max(30000, Math.floor((upstreamKbps * 1000 - n * AUDIO_BPS) / n));
    // members: half the bit rate, half the resolution and 10 frames a second; the student: full resolution at 15
    return o.fullVideo ? { video: videoBps, scale: 1, fps: 15 } : { video: Math.floor(videoBps / 2), scale: 2, fps: 10 };
  }

  /** Caps every sender so that the sum to all peers stays within the upstream budget. */
  async function applyBudget() {
    const b = budget();
    for (const p of peers.values()) {
      for (const sender of p.pc.getSenders()) {
        if (!sender.track) continue;
        const params = sender.getParameters();
        if (!params.encodings || !params.encodings.length) continue;
        if (sender.track.kind === 'video') {
          params.encodings[0].maxBitrate = b.video;
          params.encodings[0].scaleResolutionDownBy = b.scale;
          params.encodings[0].maxFramerate = b.fps;
        } else {
          params.encodings[0].maxBitrate = AUDIO_BPS;
        }
        try { await sender.setParameters(params); } catch { /* not negotiated yet: applied after the answer */ }
      }
    }
  }

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
      await p.pc.setRemoteDescription(data.description);
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

  /** Per peer: has audio (samples) and video (decoded frames) arrived since the last look? */
  async function measure() {
    const out = [];
    for (const [id, p] of peers) {
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

  async function report() {
    const list = await measure();
    const [a] = o.stream.getAudioTracks(), [v] = o.stream.getVideoTracks();
    o.send({ type: 'rtc.stats', peers: list.map(x => ({ userId: x.userId, audio: x.audio, video: x.video })),
      muted: { audio: !a || !a.enabled || a.readyState === 'ended', video: !v || !v.enabled || v.readyState === 'ended' } });
    return list;
  }

  return {
    peers,
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
