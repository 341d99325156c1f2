// @ts-check
import { page, h, t, user } from '/js/adal.js';

// What each role can open. A student's tiles speak of her own things; staff tiles are never shown to her.
// Features add their tiles here as they land; a person with several roles sees each page once.
const STAFF_INBOX = ['TEACHER', 'BANK_AUTHOR', 'HEAD_OF_DEPARTMENT', 'BANK_EXPERT', 'DEAN', 'ACADEMIC_POLICY_DIRECTOR',
  'ACADEMIC_VICE_RECTOR', 'REGISTRAR', 'PORTAL_ADMIN', 'PROCTOR', 'TECHNICAL_SECRETARY', 'REVIEWER', 'SYSTEM_ADMIN'];
export const TILES = [
  // a student's own
  { href: '/student/index.html', key: 'home.myExams', roles: ['STUDENT'] },
  { href: '/exam/practice.html', key: 'home.practice', roles: ['STUDENT'] },
  { href: '/casework/appeal.html', key: 'home.appeals', roles: ['STUDENT'] },
  { href: '/casework/absence.html', key: 'home.absence', roles: ['STUDENT'] },
  { href: '/exam/sheets.html', key: 'home.mySheets', roles: ['STUDENT'] },
  { href: '/oral/index.html', key: 'home.myOral', roles: ['STUDENT'] },
  { href: '/casework/acts.html', key: 'home.myActs', roles: ['STUDENT'] },
  { href: '/casework/inbox.html', key: 'home.myInbox', roles: ['STUDENT'] },
  // exam day, for staff
  { href: '/exam/index.html', key: 'home.exams', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'SYSTEM_ADMIN', 'DEAN', 'REGISTRAR'] },
  { href: '/proctor/index.html', key: 'home.proctor', roles: ['PROCTOR'] },
  { href: '/proctor/identity.html', key: 'home.identityQueue', roles: ['PROCTOR'] },
  { href: '/proctor/termination.html', key: 'home.terminations', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'DEAN', 'ACADEMIC_POLICY_DIRECTOR', 'ACADEMIC_VICE_RECTOR'] },
  { href: '/casework/inbox.html', key: 'home.inbox', roles: STAFF_INBOX },
  { href: '/review/index.html', key: 'home.review', roles: ['REVIEWER', 'DEAN'] },
  { href: '/oral/index.html', key: 'home.oral', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'TECHNICAL_SECRETARY', 'DEAN', 'SYSTEM_ADMIN'] },
  { href: '/casework/acts.html', key: 'home.acts', roles: ['PROCTOR', 'TECHNICAL_SECRETARY', 'TEACHER', 'HEAD_OF_DEPARTMENT', 'DEAN', 'SYSTEM_ADMIN'] },
  { href: '/casework/appeal-chair.html', key: 'home.appealChair', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'DEAN', 'SYSTEM_ADMIN'] },
  { href: '/casework/absence-dean.html', key: 'home.absenceDean', roles: ['DEAN'] },
  { href: '/casework/absence-chair.html', key: 'home.absenceChair', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT'] },
  { href: '/casework/commission.html', key: 'home.commission', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'SYSTEM_ADMIN'] },
  { href: '/exam/sheets.html', key: 'home.sheets', roles: ['DEAN', 'ACADEMIC_POLICY_DIRECTOR', 'ACADEMIC_VICE_RECTOR', 'REGISTRAR'] },
  // banks
  { href: '/bank/index.html', key: 'home.banks', roles: ['BANK_AUTHOR', 'HEAD_OF_DEPARTMENT', 'TEACHER', 'SYSTEM_ADMIN'] },
  { href: '/bank/index.html?reviews=mine', key: 'home.reviews', roles: ['BANK_EXPERT'] },
  // the registrar's office and administration
  { href: '/vision/enroll.html', key: 'home.faceEnroll', roles: ['REGISTRAR'] },
  { href: '/review/monitoring.html', key: 'home.monitoring', roles: ['REGISTRAR', 'SYSTEM_ADMIN'] },
  { href: '/exam/locks.html', key: 'home.locks', roles: ['PORTAL_ADMIN'] },
  { href: '/admin/users.html', key: 'home.users', roles: ['SYSTEM_ADMIN'] },
  { href: '/admin/calendar.html', key: 'home.calendar', roles: ['SYSTEM_ADMIN'] },
  { href: '/admin/lti.html', key: 'home.lti', roles: ['SYSTEM_ADMIN'] },
  { href: '/lti/courses.html', key: 'home.ltiCourses', roles: ['TEACHER', 'HEAD_OF_DEPARTMENT', 'SYSTEM_ADMIN'] },
  { href: '/admin/audit.html', key: 'home.audit', roles: ['SYSTEM_ADMIN', 'REGISTRAR', 'REVIEWER'] },
];

/** The tiles for these roles, each page once (the first, most specific tile wins). */
export function tilesFor(roles) {
  const seen = new Set();
  return TILES.filter(x => x.roles.some(r => roles.includes(r))).filter(x => !seen.has(x.href) && seen.add(x.href));
}

page({ bundles: ['exam', 'oral', 'vision', 'review', 'appeal', 'casework', 'proctoring'], title: 'home.title', render(main) {
  const u = user();
  const tiles = tilesFor(u.roles);
  main.append(
    h('h1', t('home.hello', { name: u.fullName })),
    h('p.muted', u.roles.map(r => t('role.' + r)).join(' · ')),
    tiles.length ? h('div.grid', tiles.map(x => h('a.tile', { href: x.href, dataset: { tile: x.key } }, h('strong', t(x.key)), h('span', t(x.key + '.hint')))))
      : h('p', t('home.nothing')));
} });
