import { page, h, t, user } from '/js/adal.js';

// What each role can open. Features add their tiles here as they land.
const TILES = [
  { href: '/student/index.html', key: 'home.myExams', roles: ['STUDENT'] },
  { href: '/admin/users.html', key: 'home.users', roles: ['SYSTEM_ADMIN'] },
  { href: '/bank/index.html', key: 'home.banks', roles: ['BANK_AUTHOR', 'HEAD_OF_DEPARTMENT', 'TEACHER', 'SYSTEM_ADMIN'] },
  { href: '/bank/index.html?reviews=mine', key: 'home.reviews', roles: ['BANK_EXPERT'] },
  { href: '/proctor/index.html', key: 'home.proctor', roles: ['PROCTOR'] },
  { href: '/admin/audit.html', key: 'home.audit', roles: ['SYSTEM_ADMIN', 'REGISTRAR', 'REVIEWER'] },
  { href: '/exam/index.html', key: 'home.exams', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'SYSTEM_ADMIN', 'DEAN', 'REGISTRAR'] },
  { href: '/exam/sheets.html', key: 'home.sheets', roles: ['STUDENT', 'DEAN', 'ACADEMIC_POLICY_DIRECTOR', 'ACADEMIC_VICE_RECTOR', 'REGISTRAR'] },
  { href: '/exam/practice.html', key: 'home.practice', roles: ['STUDENT'] },
  { href: '/exam/locks.html', key: 'home.locks', roles: ['PORTAL_ADMIN'] },
  { href: '/oral/index.html', key: 'home.oral', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'TECHNICAL_SECRETARY', 'DEAN', 'STUDENT', 'SYSTEM_ADMIN'] },
  { href: '/casework/appeal.html', key: 'home.appeals', roles: ['STUDENT'] },
  { href: '/casework/absence.html', key: 'home.absence', roles: ['STUDENT'] },
  { href: '/casework/appeal-chair.html', key: 'home.appealChair', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'DEAN', 'SYSTEM_ADMIN'] },
  { href: '/casework/absence-dean.html', key: 'home.absenceDean', roles: ['DEAN'] },
  { href: '/casework/absence-chair.html', key: 'home.absenceChair', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT'] },
  { href: '/admin/calendar.html', key: 'home.calendar', roles: ['SYSTEM_ADMIN'] },
  { href: '/casework/acts.html', key: 'home.acts', roles: ['PROCTOR', 'TECHNICAL_SECRETARY', 'TEACHER', 'HEAD_OF_DEPARTMENT', 'DEAN', 'SYSTEM_ADMIN', 'STUDENT'] },
  { href: '/casework/commission.html', key: 'home.commission', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'SYSTEM_ADMIN'] },
  { href: '/casework/inbox.html', key: 'home.inbox', roles: ['STUDENT', 'TEACHER', 'BANK_AUTHOR', 'HEAD_OF_DEPARTMENT', 'BANK_EXPERT', 'DEAN', 'ACADEMIC_POLICY_DIRECTOR', 'ACADEMIC_VICE_RECTOR', 'REGISTRAR', 'PORTAL_ADMIN', 'PROCTOR', 'TECHNICAL_SECRETARY', 'REVIEWER', 'SYSTEM_ADMIN'] },
  { href: '/vision/enroll.html', key: 'home.faceEnroll', roles: ['REGISTRAR'] }, { href: '/proctor/identity.html', key: 'home.identityQueue', roles: ['PROCTOR'] },
  { href: '/review/index.html', key: 'home.review', roles: ['REVIEWER', 'DEAN'] },
  { href: '/review/monitoring.html', key: 'home.monitoring', roles: ['REGISTRAR', 'SYSTEM_ADMIN'] },
];

page({ bundles: ['exam', 'oral', 'vision', 'review', 'appeal', 'casework'], title: 'home.title', render(main) {
  const u = user();
  const tiles = TILES.filter(x => x.roles.some(r => u.roles.includes(r)));
  main.append(
    h('h1', t('home.hello', { name: u.fullName })),
    h('p.muted', u.roles.map(r => t('role.' + r)).join(' · ')),
    tiles.length ? h('div.grid', tiles.map(x => h('a.tile', { href: x.href }, h('strong', t(x.key)), h('span', t(x.key + '.hint')))))
      : h('p', t('home.nothing')));
} });
