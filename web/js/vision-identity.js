// @ts-check
// The identity check on the student's check page (000 §4.5, §4.7): one frame from the camera is
// compared with the enrolled reference; anything the server cannot settle waits for a proctor.
import { api, t } from '/js/adal.js';
import { IdentityCheckStatus } from '/js/states.js';

const POLL_MS = 2000;

/** A JPEG of the video's current frame. */
export async function captureJpeg(video) {
  if (!video.videoWidth) await new Promise(r => video.addEventListener('loadeddata', r, { once: true }));
  const c = document.createElement('canvas');
  c.width = video.videoWidth; c.height = video.videoHeight;
  c.getContext('2d').drawImage(video, 0, 0, c.width, c.height);
  return new Promise(r => c.toBlob(r, 'image/jpeg', 0.9));
}

/**
 * Opens the attempt, sends one frame and, when a proctor must decide, polls until they do.
 * Resolves { ok, text } for the check page's row; `detail` shows progress (aria-live on the page).
 */
export async function identityCheck({ examId, video, detail, streams }) {
  if (!video.srcObject) {
    const s = await navigator.mediaDevices.getUserMedia({ video: true });
    streams.push(s);
    video.srcObject = s;
    await video.play().catch(() => {});
  }
  const a = await api(`/api/exams/${examId}/attempt`, { method: 'POST' });
  let c = await api(`/api/attempts/${a.id}/identity-check`, { method: 'POST', body: await captureJpeg(video),
    headers: { 'Content-Type': 'image/jpeg' } });
  while (c.status === IdentityCheckStatus.PENDING) {
    detail.textContent = t('student.identity.waiting', { reason: t('student.identity.reason.' + c.reason) });
    detail.dataset.state = 'waiting';
    await new Promise(r => setTimeout(r, POLL_MS));
    c = await api(`/api/attempts/${a.id}/identity-check`);
  }
  detail.dataset.state = c.status.toLowerCase();
  if (c.status === IdentityCheckStatus.PASSED) return { ok: true, text: t('student.identity.passed') };
  if (c.status === IdentityCheckStatus.APPROVED) return { ok: true, text: t('student.identity.approved') };
  return { ok: false, text: t('student.identity.denied', { note: c.decisionNote || '' }) };
}
