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

const answering = new Map();   // proctor connection → { pc, queued } (the student's side)

/**
 * The student's side: a proctor's offer is answered with the camera, microphone and screen this page already
 * shares (never a new permission prompt); `bye` stops it.
 */
export async function answerLiveView(msg, { camera, screen, send }) {
  const from = msg.from, d = msg.data || {};
  let entry = answering.get(from);
  if (d.bye) { entry?.pc?.close(); answering.delete(from); return; }
  if (d.description) {
    entry?.pc?.close();
    entry = { pc: null, queued: [] };       // set before any await: candidates that follow the offer wait here
    answering.set(from, entry);
    const pc = new RTCPeerConnection({ iceServers: await iceServers() });
    entry.pc = pc;
    pc.onicecandidate = e => { if (e.candidate) send({ type: 'live.signal', to: from, data: { candidate: e.candidate.toJSON() } }); };
    await pc.setRemoteDescription(d.description);
    const parts = pc.getTransceivers();      // the proctor's offer: camera video, screen video, microphone
    const tracks = [camera?.getVideoTracks()[0], screen?.getVideoTracks()[0], camera?.getAudioTracks()[0]];
    for (let i = 0; i < parts.length && i < tracks.length; i++) {
      parts[i].direction = tracks[i] ? 'sendonly' : 'inactive';
      if (tracks[i]) await parts[i].sender.replaceTrack(tracks[i]);
    }
    await pc.setLocalDescription(await pc.createAnswer());
    // a live view costs the student's upstream: the camera capped lower than the screen (text must stay legible)
    for (const [i, kbps] of [[0, 250], [1, 400]]) {
      const sender = parts[i]?.sender;
      if (!sender?.track) continue;
      const p = sender.getParameters();
      if (p.encodings?.length) { p.encodings[0].maxBitrate = kbps * 1000; await sender.setParameters(p).catch(() => {}); }
    }
    send({ type: 'live.signal', to: from, data: { description: pc.localDescription.toJSON() } });
    for (const c of entry.queued.splice(0)) await pc.addIceCandidate(c).catch(() => {});
  } else if (d.candidate && entry) {
    if (entry.pc?.remoteDescription) await entry.pc.addIceCandidate(d.candidate).catch(() => {});
    else entry.queued.push(d.candidate);
  }
}
