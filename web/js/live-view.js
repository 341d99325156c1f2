// @ts-check
// A proctor's live view of one student (003 §16; issue 14): the student's camera (with microphone) and screen,
// browser to browser over WebRTC (through TURN when needed), started on demand and stopped when closed. The
// signals travel over the sockets both pages already have (/ws/proctor ↔ /ws/proctoring) as `live.signal`.
// The student was told by the recording notice they accepted that camera and screen are watched and recorded;
// the live view sends the same streams, nothing else.
import { h, t, api } from '/js/adal.js';

async function iceServers() {
  try { return (await api('/api/live/ice-servers')).iceServers || []; } catch { return []; }
}

/**
 * The proctor's side. `send(msg)` sends on the console socket; the returned object takes the socket's
 * `live.signal` messages for this attempt and closes the view.
 */
export async function openLiveView({ attemptId, send, container, title, register }) {
  const pc = new RTCPeerConnection({ iceServers: await iceServers() });
  // the offer asks for the camera (video + audio) and the screen, in this order
  const camera = pc.addTransceiver('video', { direction: 'recvonly' });
  const screen = pc.addTransceiver('video', { direction: 'recvonly' });
  const audio = pc.addTransceiver('audio', { direction: 'recvonly' });
  const camVideo = h('video#live-camera', { autoplay: true, playsinline: true, 'aria-label': t('proctoring.live.camera') });
  const screenVideo = h('video#live-screen', { autoplay: true, playsinline: true, muted: true, 'aria-label': t('proctoring.live.screen') });
  const state = h('p.muted#live-state', { role: 'status' }, t('proctoring.live.connecting'));
  const box = h('section.card.live-view#live-view', { 'aria-label': title || t('proctoring.live.title') },
    h('h3', title || t('proctoring.live.title')), state, h('div.live-videos', screenVideo, camVideo),
    h('button#live-close', { type: 'button', onclick: () => view.close() }, t('proctoring.live.close')));
  container.append(box);
  box.scrollIntoView({ block: 'nearest' });
  camVideo.srcObject = new MediaStream([camera.receiver.track, audio.receiver.track]);
  screenVideo.srcObject = new MediaStream([screen.receiver.track]);
  const queued = [];
  pc.onicecandidate = e => { if (e.candidate) send({ type: 'live.signal', attemptId, data: { candidate: e.candidate.toJSON() } }); };
  pc.onconnectionstatechange = () => {
    state.dataset.state = pc.connectionState;
    state.textContent = t(pc.connectionState === 'connected' ? 'proctoring.live.on' : 'proctoring.live.connecting');
  };
  const view = {
    pc,
    async handle(msg) {
      const d = msg.data || {};
      if (d.description) {
        await pc.setRemoteDescription(d.description);
        for (const c of queued.splice(0)) await pc.addIceCandidate(c).catch(() => {});
      } else if (d.candidate) {
        if (pc.remoteDescription) await pc.addIceCandidate(d.candidate).catch(() => {});
        else queued.push(d.candidate);
      } else if (d.unavailable) {
        state.textContent = t('proctoring.live.unavailable');
      }
    },
    close() {
      send({ type: 'live.signal', attemptId, data: { bye: true } });
      pc.close();
      box.remove();
    },
  };
  register?.(view);              // before the offer: the answer may come back at once
  await pc.setLocalDescription(await pc.createOffer());
  send({ type: 'live.signal', attemptId, data: { description: pc.localDescription.toJSON() } });
  return view;
}

/**
 * What a live view may cost the student's upstream (000 §4.6: a 512 kbit/s link that also carries the recording
 * upload and the snapshots): `kbps` in total (adal.proctoring.live-view-kbps, 200 by default), split into the
 * microphone (at most 24 kbit/s), the camera (40 % of the rest, at most 320 px wide and 15 fps: a face) and the
 * screen (the rest, at most 1280 px wide and 5 fps, resolution kept over frame rate so text stays legible).
 * Encoder settings of this connection only: the recording of the same tracks is not touched.
 */
export function budget(kbps, [cameraTrack, screenTrack] = []) {
  const total = Math.max(60, kbps || 200);
  const audio = Math.min(24, Math.round(total * 0.12));
  const camera = Math.round((total - audio) * 0.4);
  const widthOf = t => t?.getSettings?.().width || 0;
  return [
    { maxBitrate: camera * 1000, maxFramerate: 15, scaleResolutionDownBy: Math.max(1, widthOf(cameraTrack) / 320) },
    { maxBitrate: (total - audio - camera) * 1000, maxFramerate: 5, scaleResolutionDownBy: Math.max(1, widthOf(screenTrack) / 1280), degradationPreference: /** @type {RTCDegradationPreference} */ ('maintain-resolution') },
    { maxBitrate: audio * 1000 },
  ];
}

/**
 * @param {RTCRtpSender|undefined} sender
 * @param {{ maxBitrate: number, maxFramerate?: number, scaleResolutionDownBy?: number, degradationPreference?: RTCDegradationPreference }} caps
 */
async function cap(sender, { degradationPreference, ...encoding }) {
  if (!sender?.track) return;
  const p = sender.getParameters();
  if (!p.encodings?.length) return;
  Object.assign(p.encodings[0], encoding);
  const ok = await sender.setParameters(p).then(() => true, () => false);
  if (!ok) {                         // a browser without frame-rate or scaling caps: the bitrate cap at least
    const b = sender.getParameters();
    if (b.encodings?.length) { b.encodings[0].maxBitrate = encoding.maxBitrate; await sender.setParameters(b).catch(() => {}); }
  }
  if (degradationPreference) {      // not every browser takes it: the caps above stand without it
    const q = sender.getParameters();
    q.degradationPreference = degradationPreference;
    await sender.setParameters(q).catch(() => {});
  }
}

const answering = new Map();   // proctor connection → { pc, queued, parts, tracks } (the student's side)

/** Two proctors watching the same student share the one budget: the link does not grow with the watchers. */
async function share(kbps) {
  const open = [...answering.values()].filter(e => e.pc && e.parts && e.pc.signalingState !== 'closed');
  for (const e of open) {
    const caps = budget((kbps || 200) / open.length, e.tracks);
    for (let i = 0; i < caps.length; i++) await cap(e.parts[i]?.sender, caps[i]);
  }
}

/**
 * The student's side: a proctor's offer is answered with the camera, microphone and screen this page already
 * shares (never a new permission prompt); `bye` stops it.
 */
export async function answerLiveView(msg, { camera, screen, send, kbps }) {
  const from = msg.from, d = msg.data || {};
  let entry = answering.get(from);
  if (d.bye) { entry?.pc?.close(); answering.delete(from); await share(kbps); return; }
  if (d.description) {
    entry?.pc?.close();
    entry = { pc: null, queued: [] };       // set before any await: candidates that follow the offer wait here
    answering.set(from, entry);
    const pc = new RTCPeerConnection({ iceServers: await iceServers() });
    entry.pc = pc;
    pc.onicecandidate = e => { if (e.candidate) send({ type: 'live.signal', to: from, data: { candidate: e.candidate.toJSON() } }); };
    // a proctor who left without "bye" (closed the tab, lost the network): stop sending once the link fails
    pc.onconnectionstatechange = () => {
      if (pc.connectionState !== 'failed') return;
      pc.close();
      if (answering.get(from) === entry) { answering.delete(from); share(kbps); }
    };
    await pc.setRemoteDescription(d.description);
    const parts = pc.getTransceivers();      // the proctor's offer: camera video, screen video, microphone
    const tracks = [camera?.getVideoTracks()[0], screen?.getVideoTracks()[0], camera?.getAudioTracks()[0]];
    for (let i = 0; i < parts.length && i < tracks.length; i++) {
      parts[i].direction = tracks[i] ? 'sendonly' : 'inactive';
      if (tracks[i]) await parts[i].sender.replaceTrack(tracks[i]);
    }
    await pc.setLocalDescription(await pc.createAnswer());
    entry.parts = parts; entry.tracks = tracks;
    await share(kbps);
    send({ type: 'live.signal', to: from, data: { description: pc.localDescription.toJSON() } });
    for (const c of entry.queued.splice(0)) await pc.addIceCandidate(c).catch(() => {});
  } else if (d.candidate && entry) {
    if (entry.pc?.remoteDescription) await entry.pc.addIceCandidate(d.candidate).catch(() => {});
    else entry.queued.push(d.candidate);
  }
}
