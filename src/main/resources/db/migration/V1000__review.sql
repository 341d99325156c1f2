-- Review of recorded attempts (issue #7): a reviewer's decision on each flag and the attempt's verdict.
-- Flags are computed from the stored events (kz.adal.proctoring), so a decision names its flag by
-- type and start time (flag_key = TYPE@epochMillis). Verdicts keep every revision (a change needs a new reason).
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL. See docs/review.md.

create table review_flag_decision (
    id          uuid primary key,
    attempt_id  uuid not null references attempt(id),
    exam_id     uuid not null references exam(id),
    flag_key    varchar(80) not null,
    flag_type   varchar(40) not null,
    flag_start  timestamp with time zone not null,
    decision    varchar(20) not null,
    comment     varchar(2000) not null,
    decided_by  uuid not null references app_user(id),
    decided_at  timestamp with time zone not null,
    version     integer not null,
    constraint review_flag_decision_once unique (attempt_id, flag_key)
);
create index review_flag_decision_attempt on review_flag_decision(attempt_id);

create table review_verdict (
    attempt_id  uuid primary key references attempt(id),
    exam_id     uuid not null references exam(id),
    verdict     varchar(20) not null,
    reason      varchar(2000) not null,
    decided_by  uuid not null references app_user(id),
    decided_at  timestamp with time zone not null,
    version     integer not null
);
create index review_verdict_exam on review_verdict(exam_id);

create table review_verdict_revision (
    id          uuid primary key,
    attempt_id  uuid not null references attempt(id),
    revision    integer not null,
    verdict     varchar(20) not null,
    reason      varchar(2000) not null,
    decided_by  uuid not null references app_user(id),
    decided_at  timestamp with time zone not null,
    constraint review_verdict_revision_once unique (attempt_id, revision)
);
