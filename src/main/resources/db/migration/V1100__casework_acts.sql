-- Technical-failure acts (001 §6.15.2, §6.15.6; product extension for tests), the exam's commission,
-- the members' votes and grade "I" records turned into "F" by a job.

-- The commission of a test exam (oral sittings keep theirs in oral_commission_member).
create table exam_commission_member (
    exam_id   uuid        not null references exam(id),
    user_id   uuid        not null references app_user(id),
    role      varchar(20) not null,
    added_by  uuid        not null references app_user(id),
    added_at  timestamp with time zone not null,
    primary key (exam_id, user_id)
);

create table casework_act (
    id               uuid primary key,
    kind             varchar(10)   not null,
    state            varchar(20)   not null,
    scope_id         uuid          not null,
    exam_id          uuid,
    attempt_id       uuid,
    sitting_id       uuid,
    turn_id          uuid,
    student_id       uuid          not null references app_user(id),
    evidence         varchar(20000) not null,
    lost_seconds     bigint        not null,
    what_happened    varchar(4000),
    effect           varchar(4000),
    measures         varchar(4000),
    drafted_by       uuid references app_user(id),
    drafted_at       timestamp with time zone not null,
    signed_by        uuid references app_user(id),
    signed_at        timestamp with time zone,
    decision         varchar(20),
    decision_reason  varchar(2000),
    decided_by       uuid references app_user(id),
    decided_at       timestamp with time zone,
    credited_seconds bigint,
    sheet_id         uuid,
    resit_turn_id    uuid
);
create index casework_act_attempt on casework_act (attempt_id);
create index casework_act_turn on casework_act (turn_id);
create index casework_act_scope on casework_act (scope_id);

create table casework_act_vote (
    act_id   uuid          not null references casework_act(id),
    voter_id uuid          not null references app_user(id),
    choice   varchar(20)   not null,
    comment  varchar(2000),
    cast_at  timestamp with time zone not null,
    primary key (act_id, voter_id)
);

-- Grade "I" with its due date (001 §6.15.2); the job turns an uncleared one into "F" after the date.
create table casework_incomplete (
    id            uuid primary key,
    turn_id       uuid        not null unique,
    act_id        uuid references casework_act(id),
    student_id    uuid        not null references app_user(id),
    scope_id      uuid        not null,
    awarded_on    date        not null,
    due_on        date        not null,
    grade         varchar(2)  not null,
    cleared_on    date,
    changed_at    timestamp with time zone not null
);
create index casework_incomplete_due on casework_incomplete (grade, due_on);
