// @ts-check
import { page, h, t, api, fmtDate, notify, safeHref } from '/js/adal.js';
import { MailStatus } from '/js/states.js';

page({ bundles: ['casework'], title: 'inbox.title', async render(main) {
  const count = h('p#unread.muted', { 'aria-live': 'polite' });
  const list = h('div#notices');
  main.append(h('h1', t('inbox.title')), count, list);
  async function reload() {
    const [notices, unread] = await Promise.all([api('/api/inbox'), api('/api/inbox/unread')]);
    count.textContent = t('inbox.unread', { n: unread.unread });
    list.replaceChildren(...(notices.length ? notices.map(n => h('article.card.notice-row' + (n.readAt ? '' : '.unread'), { dataset: { notice: n.id } },
      h('div.act-head', h('strong', n.subject), h('span.muted', fmtDate(n.createdAt)),
        n.mailStatus !== MailStatus.NONE ? h('span.badge', t('act.mail.' + n.mailStatus)) : null),
      h('p.act-text', n.body),
      h('div.actions',
        safeHref(n.link, { sameSite: true }) ? h('a.button', { href: safeHref(n.link, { sameSite: true }), onclick: () => { if (!n.readAt) api(`/api/inbox/${n.id}/read`, { method: 'POST' }).catch(() => {}); } }, t('inbox.open')) : null,
        n.readAt ? null : h('button', { onclick: async () => {
          try { await api(`/api/inbox/${n.id}/read`, { method: 'POST' }); await reload(); } catch (x) { notify(x.message, 'error'); }
        } }, t('inbox.markRead')))))
      : [h('p', t('inbox.empty'))]));
  }
  await reload();
} });
