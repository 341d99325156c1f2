// @ts-check
import { page, h, t, api, notify } from '/js/adal.js';
import { param } from '/js/exam-common.js';

page({ bundles: ['exam'], roles: ['STUDENT'], title: 'practice.title', async render(main) {
  const version = param('bank');
  main.append(h('h1', t('practice.title')), h('p.muted', t('practice.intro')));
  if (!version) {
    const banks = await api('/api/practice');
    main.append(banks.length ? h('div.grid', banks.map(b => h('a.tile', { href: `/exam/practice.html?bank=${b.versionId}` },
      h('strong', b.title), h('span', `${b.discipline} · ${t('practice.tasks', { n: b.tasks })}`))))
      : h('p', t('practice.none')));
    return;
  }
  const tasks = await api(`/api/practice/${version}/tasks`);
  let right = 0, answered = 0;
  const score = h('p.stat#practice-score', { 'aria-live': 'polite' });
  const updateScore = () => { score.textContent = t('practice.score', { right, answered, total: tasks.length }); };
  updateScore();
  main.append(score, h('p', h('a', { href: '/exam/practice.html' }, t('core.back'))));
  tasks.forEach(q => {
    const name = 'q-' + q.id;
    const type = q.multipleCorrect ? 'checkbox' : 'radio';
    const verdict = h('p', { 'aria-live': 'polite' });
    const items = q.options.map((o, i) => h('li', { dataset: { option: i } },
      h('label.check', h('input', { type, name, value: i }), ' ', o)));
    const card = h('form.card.task', { dataset: { task: q.number }, onsubmit: async e => {
        e.preventDefault();
        const chosen = [...card.querySelectorAll('input:checked')].map(c => Number(c.value));
        if (!chosen.length) { notify(t('practice.choose'), 'error'); return; }
        const r = await api(`/api/practice/${version}/tasks/${q.id}/check`, { method: 'POST', body: { chosen } });
        if (!card.dataset.done) { answered++; if (r.correct) right++; card.dataset.done = '1'; updateScore(); }
        verdict.className = r.correct ? 'right' : 'wrong';
        verdict.textContent = r.correct ? t('practice.right') : t('practice.wrong');
        items.forEach((li, i) => { li.classList.toggle('correct', r.correctOptions.includes(i)); });
      } },
      h('h2', `${q.number}. `, q.stem),
      q.hasImage ? h('img', { src: '', alt: '', dataset: { src: `/api/practice/${version}/tasks/${q.id}/image` } }) : null,
      q.multipleCorrect ? h('p.muted', t('practice.multiple')) : null,
      h('ul.options', items), verdict,
      h('div.actions', h('button', { type: 'submit' }, t('practice.check'))));
    main.append(card);
  });
  // images need the token
  for (const img of main.querySelectorAll('img[data-src]')) {
    if (!(img instanceof HTMLImageElement)) continue;
    api(img.dataset.src, { raw: true }).then(r => r.blob()).then(b => { img.src = URL.createObjectURL(b); }).catch(() => img.remove());
  }
} });
