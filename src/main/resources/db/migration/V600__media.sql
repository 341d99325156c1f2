-- Recording the whole exam (003 §16; 001 §5.17.2): tracks, their chunks (the exactly-once ledger),
-- playback tickets, consent (Law No. 94-V; 002 §1.15), refusal notices and interruptions.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL. See docs/media.md.

-- One per (attempt, CAMERA|SCREEN). The token is the recording's unguessable address.
create table media_track (
    id                 uuid primary key,
    attempt_id         uuid not null references attempt(id),
    kind               varchar(10) not null,
    token              varchar(64) not null,
    -- RECORDING, FINALISING, FINALISED, FAILED, DELETED
    state              varchar(20) not null,
    created_at         timestamp with time zone not null,
    -- set when the attempt finishes: finished + upload grace
    finalise_due_at    timestamp with time zone,
    closed_at          timestamp with time zone,
    claimed_at         timestamp with time zone,
    finalised_at       timestamp with time zone,
    segments           integer,
    bytes              bigint,
    duration_ms        bigint,
    seekable           boolean,
    media_zero_at      timestamp with time zone,
    clock_offset_ms    bigint,
    gaps               varchar(20000),
    has_thumbnails     boolean not null default false,
    error              varchar(1000),
    deleted_at         timestamp with time zone,
    constraint media_track_one_per_kind unique (attempt_id, kind),
    constraint media_track_token unique (token)
);
create index media_track_state on media_track(state);

-- One row per stored chunk. The unique key is the arbiter between nodes: a chunk is stored once.
create table media_chunk (
    id            uuid primary key,
    track_id      uuid not null references media_track(id) on delete cascade,
    segment       integer not null,
    seq           integer not null,
    sha256        varchar(64) not null,
    size          integer not null,
    client_start  timestamp with time zone not null,
    client_end    timestamp with time zone not null,
    received_at   timestamp with time zone not null,
    constraint media_chunk_once unique (track_id, segment, seq)
);

-- Short-lived playback tickets: a <video> element cannot send the bearer token.
create table media_ticket (
    ticket      varchar(64) primary key,
    track_id    uuid not null references media_track(id) on delete cascade,
    user_id     uuid not null references app_user(id),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);

-- Consent to recording before a proctored exam; every decision is kept, the latest counts.
create table recording_consent (
    id                 uuid primary key,
    exam_id            uuid not null references exam(id),
    student_id         uuid not null references app_user(id),
    decision           varchar(10) not null,
    rules_acknowledged boolean not null,
    notice_version     varchar(40) not null,
    retention          varchar(20) not null,
    decided_at         timestamp with time zone not null
);
create index recording_consent_exam_student on recording_consent(exam_id, student_id, decided_at);

-- In-app notices (e-mail comes with casework): consent refusals for the teacher and the dean.
create table media_notification (
    id           uuid primary key,
    recipient_id uuid not null references app_user(id),
    topic        varchar(40) not null,
    exam_id      uuid,
    student_id   uuid,
    message      varchar(2000) not null,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone
);
create index media_notification_recipient on media_notification(recipient_id, created_at);

-- The camera or screen stopped during the exam (permission withdrawn, device unplugged).
create table recording_interruption (
    id           uuid primary key,
    attempt_id   uuid not null references attempt(id),
    kind         varchar(10) not null,
    reason       varchar(40) not null,
    detail       varchar(500),
    client_at    timestamp with time zone,
    received_at  timestamp with time zone not null
);
create index recording_interruption_attempt on recording_interruption(attempt_id);
