// @ts-check
// The server's states by the names of their Java enums. Pages compare a state with these, never with a string
// literal, so that a state renamed or removed on the server is one change here; StateNamesTest fails until this
// file lists exactly the constants of each enum (named in the comment above it).

/** kz.adal.casework.absence.AbsenceApplication.State */
export const AbsenceState = Object.freeze({
  APPLIED: 'APPLIED',
  FORWARDED: 'FORWARDED',
  ALLOWED: 'ALLOWED',
  NOT_ALLOWED: 'NOT_ALLOWED',
});
/** kz.adal.identity.AccountState */
export const AccountState = Object.freeze({ ACTIVE: 'ACTIVE', SUSPENDED: 'SUSPENDED' });
/** kz.adal.casework.ActDecision */
export const ActDecision = Object.freeze({ RESUME: 'RESUME', VOID: 'VOID', RESIT: 'RESIT', REJECT: 'REJECT' });
/** kz.adal.casework.Act.State */
export const ActState = Object.freeze({ DRAFT: 'DRAFT', SIGNED: 'SIGNED', DECIDED: 'DECIDED' });
/** kz.adal.casework.Appeal.Decision */
export const AppealDecision = Object.freeze({ UPHELD: 'UPHELD', REJECTED: 'REJECTED' });
/** kz.adal.casework.AppealSeat */
export const AppealSeat = Object.freeze({ CHAIR: 'CHAIR', DEPUTY_CHAIR: 'DEPUTY_CHAIR', MEMBER: 'MEMBER' });
/** kz.adal.casework.Appeal.State */
export const AppealState = Object.freeze({ FILED: 'FILED', HEARING_SET: 'HEARING_SET', DECIDED: 'DECIDED' });
/** kz.adal.attempt.AttemptState */
export const AttemptState = Object.freeze({
  NOT_STARTED: 'NOT_STARTED',
  CHECKS: 'CHECKS',
  IN_PROGRESS: 'IN_PROGRESS',
  SUSPENDED: 'SUSPENDED',
  SUBMITTED: 'SUBMITTED',
  EXPIRED: 'EXPIRED',
  TERMINATED: 'TERMINATED',
  VOIDED: 'VOIDED',
});
/** kz.adal.bank.BankVersionState */
export const BankVersionState = Object.freeze({ DRAFT: 'DRAFT', APPROVED: 'APPROVED' });
/** kz.adal.casework.commission.CommissionSeat */
export const CommissionSeat = Object.freeze({ CHAIR: 'CHAIR', MEMBER: 'MEMBER', SECRETARY: 'SECRETARY' });
/** kz.adal.exam.ExamState */
export const ExamState = Object.freeze({ DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED', CANCELLED: 'CANCELLED' });
/** kz.adal.attempt.StudentExamView.Window */
export const ExamWindow = Object.freeze({ UPCOMING: 'UPCOMING', OPEN: 'OPEN', CLOSED: 'CLOSED' });
/** kz.adal.bank.review.ExpertReview.State */
export const ExpertReviewState = Object.freeze({ ASSIGNED: 'ASSIGNED', CONCLUDED: 'CONCLUDED' });
/** kz.adal.vision.IdentityChecks.Status */
export const IdentityCheckStatus = Object.freeze({
  PASSED: 'PASSED',
  PENDING: 'PENDING',
  APPROVED: 'APPROVED',
  DENIED: 'DENIED',
  SUPERSEDED: 'SUPERSEDED',
});
/** kz.adal.exam.IndividualSheetState */
export const IndividualSheetState = Object.freeze({
  APPLIED: 'APPLIED',
  SIGNED_BY_DEAN: 'SIGNED_BY_DEAN',
  SIGNED_BY_ACADEMIC_POLICY_DIRECTOR: 'SIGNED_BY_ACADEMIC_POLICY_DIRECTOR',
  SIGNED_BY_ACADEMIC_VICE_RECTOR: 'SIGNED_BY_ACADEMIC_VICE_RECTOR',
  ORDER_ISSUED: 'ORDER_ISSUED',
  SHEET_ISSUED: 'SHEET_ISSUED',
  RETURNED: 'RETURNED',
  RETURNED_LATE: 'RETURNED_LATE',
  RECORDED_IN_AIS: 'RECORDED_IN_AIS',
  REFUSED: 'REFUSED',
});
/** kz.adal.casework.inbox.Notice.MailStatus */
export const MailStatus = Object.freeze({
  NONE: 'NONE',
  PENDING: 'PENDING',
  NO_ADDRESS: 'NO_ADDRESS',
  SENT: 'SENT',
  FAILED: 'FAILED',
});
/** kz.adal.proctoring.ProctorTermination.State */
export const TerminationState = Object.freeze({ PENDING: 'PENDING', CONFIRMED: 'CONFIRMED', DECLINED: 'DECLINED' });
/** kz.adal.media.TrackState */
export const TrackState = Object.freeze({
  RECORDING: 'RECORDING',
  FINALISING: 'FINALISING',
  FINALISED: 'FINALISED',
  FAILED: 'FAILED',
  DELETED: 'DELETED',
});
/** kz.adal.oral.TurnStage */
export const TurnStage = Object.freeze({
  WAITING: 'WAITING',
  CHECKED: 'CHECKED',
  PREPARING: 'PREPARING',
  PREPARED: 'PREPARED',
  ANSWERING: 'ANSWERING',
  ANSWER_PAUSED: 'ANSWER_PAUSED',
  GRADING: 'GRADING',
  GRADED: 'GRADED',
  PUBLISHED: 'PUBLISHED',
  TECHNICAL_FAILURE: 'TECHNICAL_FAILURE',
});
/** kz.adal.review.ReviewQueue.VerdictState */
export const VerdictState = Object.freeze({
  UNREVIEWED: 'UNREVIEWED',
  VALID: 'VALID',
  ANNULLED: 'ANNULLED',
  RESIT: 'RESIT',
});
