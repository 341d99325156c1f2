-- Attempts: one per (exam, student, round), the drawn paper, and the answers.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL. See docs/domain/attempt-lifecycle.md.

create table attempt (
    id                    uuid primary key,
    exam_id               uuid not null references exam(id),
    student_id            uuid not null references app_user(id),
    -- 1 for the exam's own window; an individual sheet (001 §5.34) gives a later round
    round                 integer not null,
    individual_sheet_id   uuid,
    state                 varchar(20) not null,
    -- the draw: with the same pool, algorithm + seed reproduce the paper exactly (for an appeal)
    algorithm             varchar(40),
    seed                  bigint,
    -- the server's clock (AttemptClock): deadline = started + duration + accommodation + credited + paused
    started_at            timestamp with time zone,
    duration_seconds      bigint,
    accommodation_seconds bigint not null default 0,
    credited_seconds      bigint not null default 0,
    paused_seconds        bigint not null default 0,
    suspended_at          timestamp with time zone,
    deadline_at           timestamp with time zone,
    cut_at_close          boolean not null default false,
    created_at            timestamp with time zone not null,
    checks_at             timestamp with time zone,
    finished_at           timestamp with time zone,
    finish_reason         varchar(1000),
    -- the grade, set when submitted or expired
    percent               numeric(5,2),
    letter                varchar(10),
    gpa                   numeric(4,2),
    traditional_mark      integer,
    graded_at             timestamp with time zone,
    -- two clicks, two tabs, two devices, two nodes: never two attempts
    constraint attempt_one_per_round unique (exam_id, student_id, round)
);
create index attempt_student on attempt(student_id);
-- the deadline sweeper's scan
create index attempt_deadline on attempt(state, deadline_at);

-- One row per drawn question: the paper (position, question, shuffled option order) and the
-- student's current answer, kept by sequence number (last write wins by seq, never by arrival).
create table attempt_question (
    attempt_id      uuid not null references attempt(id) on delete cascade,
    position        integer not null,
    question_id     uuid not null references question(id),
    difficulty      varchar(10) not null,
    -- bank option indices in display order, e.g. "3,0,4,1,2": displayed i shows bank option order[i]
    option_order    varchar(100) not null,
    -- the answer, as bank option indices (sorted, comma-separated), empty = none chosen
    selected        varchar(100) not null default '',
    marked          boolean not null default false,
    seq             bigint not null default 0,
    client_at       timestamp with time zone,
    saved_at        timestamp with time zone,
    -- the question's score as an exact fraction, set at grading
    score_num       integer,
    score_den       integer,
    primary key (attempt_id, position)
);
