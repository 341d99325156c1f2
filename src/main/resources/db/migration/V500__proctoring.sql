-- Live proctoring (003 §16; 001 §5.17.2, §6.9, §6.13–6.14). See docs/proctoring.md.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

-- Who watches what: a proctor is assigned to a whole exam or to single attempts, by a teacher,
-- head of department or administrator.
create table proctor_assignment (
    id           uuid primary key,
    proctor_id   uuid not null references app_user(id),
    exam_id      uuid references exam(id),
    attempt_id   uuid references attempt(id),
    assigned_by  uuid not null references app_user(id),
    assigned_at  timestamp with time zone not null,
    constraint proctor_assignment_target check ((exam_id is null) <> (attempt_id is null)),
    constraint proctor_assignment_once unique (proctor_id, exam_id, attempt_id)
);
create index proctor_assignment_proctor on proctor_assignment(proctor_id);
create index proctor_assignment_exam on proctor_assignment(exam_id);

-- What the browser and the server saw during an attempt. High-rate, so written in batches outside
-- the audit chain. Client events carry the browser's sequence number: a replay after a reconnect
-- is refused by the unique constraint, so nothing is counted twice. Server events have no seq.
create table proctoring_event (
    id          uuid primary key,
    attempt_id  uuid not null,
    seq         bigint,
    kind        varchar(40) not null,
    client_at   timestamp with time zone,
    server_at   timestamp with time zone not null,
    node        varchar(60),
    data        varchar(2000),
    constraint proctoring_event_once unique (attempt_id, seq)
);
create index proctoring_event_attempt on proctoring_event(attempt_id, server_at);

-- The one live connection of an attempt (across nodes): a second tab is refused unless it takes over.
create table proctoring_session (
    attempt_id     uuid primary key,
    tab_id         varchar(64),
    connection_id  varchar(64),
    node           varchar(60),
    connected_at   timestamp with time zone,
    last_seen_at   timestamp with time zone
);

-- Camera snapshots kept as evidence (the one nearest a flag); the live ones stay in memory.
create table proctoring_snapshot (
    id          uuid primary key,
    attempt_id  uuid not null,
    taken_at    timestamp with time zone not null,
    client_at   timestamp with time zone,
    reason      varchar(60) not null,
    jpeg        bytea not null
);
create index proctoring_snapshot_attempt on proctoring_snapshot(attempt_id, taken_at);

-- A proctor's message, warning or voice presence check (001 §6.9) and the student's acknowledgement/answer.
create table proctor_message (
    id               uuid primary key,
    attempt_id       uuid not null references attempt(id),
    kind             varchar(20) not null,
    text             varchar(2000) not null,
    sent_by          uuid not null references app_user(id),
    sent_at          timestamp with time zone not null,
    answer_within_s  integer,
    acknowledged_at  timestamp with time zone,
    answer           varchar(2000),
    answer_mode      varchar(10),
    answered_at      timestamp with time zone
);
create index proctor_message_attempt on proctor_message(attempt_id);

-- Termination for breaking the rules (001 §6.14): requested, and confirmed by a person with
-- academic-administrative authority (or done at once when the requester has it).
create table proctor_termination (
    id              uuid primary key,
    attempt_id      uuid not null references attempt(id),
    reason          varchar(2000) not null,
    rule            varchar(100) not null,
    requested_by    uuid not null references app_user(id),
    requested_at    timestamp with time zone not null,
    state           varchar(20) not null,
    decided_by      uuid references app_user(id),
    decided_at      timestamp with time zone,
    -- recorded on confirmation: 001 §6.14 "unexcused absence"
    absence         varchar(20),
    grade_effect    varchar(10)
);
create index proctor_termination_attempt on proctor_termination(attempt_id);
