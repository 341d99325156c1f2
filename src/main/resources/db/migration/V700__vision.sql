-- Identity and face checks (kz.adal.vision; 000 §4.5, §4.7; 003 §16)

-- The student's biometric consent: given or refused. Refused → manual ID-document check by a proctor.
create table biometric_consent (
    student_id   uuid primary key,
    given        boolean not null,
    recorded_at  timestamp with time zone not null,
    recorded_by  uuid
);

-- One reference face per student: the embedding plus the photo it came from.
create table face_enrollment (
    id           uuid primary key,
    student_id   uuid not null unique,
    source       varchar(20) not null,
    embedding    bytea not null,
    photo        bytea not null,
    photo_type   varchar(40) not null,
    enrolled_at  timestamp with time zone not null,
    enrolled_by  uuid,
    revision     integer not null
);

-- The identity check before an attempt starts: automatic pass, or a proctor's decision by hand.
create table identity_check (
    id            uuid primary key,
    attempt_id    uuid not null,
    exam_id       uuid not null,
    student_id    uuid not null,
    status        varchar(20) not null,
    reason        varchar(30),
    similarity    double precision,
    face_count    integer,
    frame         bytea,
    created_at    timestamp with time zone not null,
    decided_by    uuid,
    decided_at    timestamp with time zone,
    decision_note varchar(1000)
);
create index identity_check_attempt on identity_check (attempt_id, created_at);
create index identity_check_status on identity_check (status, created_at);

-- Continuous checks during the attempt: only verdicts other than OK are kept, with the evidence frame.
create table face_check (
    id          uuid primary key,
    attempt_id  uuid not null,
    outcome     varchar(20) not null,
    evidence    varchar(2000) not null,
    frame       bytea,
    server_at   timestamp with time zone not null
);
create index face_check_attempt on face_check (attempt_id, server_at);
