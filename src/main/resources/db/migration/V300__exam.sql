-- Exams (one test of a discipline for a group), admission and per-student accommodations.
-- 001 §5.20, §5.30; 003 §16. Individual sheets and grade exports come in later V3xx files.

create table exam (
    id                    uuid primary key,
    title                 varchar(300) not null,
    kind                  varchar(40) not null,
    discipline            varchar(300) not null,
    group_code            varchar(50) not null,
    academic_period       varchar(40) not null,
    bank_version_id       uuid not null references bank_version(id),
    question_count        integer not null,
    duration_minutes      integer not null,
    attempts_allowed      integer not null,
    mix_easy              integer not null,
    mix_medium            integer not null,
    mix_hard              integer not null,
    multiple_correct_rule varchar(30) not null,
    opens_at              timestamp with time zone not null,
    closes_at             timestamp with time zone not null,
    late_start_policy     varchar(40) not null,
    results_visible_at    timestamp with time zone,
    delivery_mode         varchar(30) not null,
    delivery_reason       varchar(1000),
    state                 varchar(20) not null,
    created_by            uuid not null references app_user(id),
    created_at            timestamp with time zone not null
);
create index exam_group on exam(group_code);

-- the topics covered so far: the draw uses only these (001 §5.20.3; 003 §15)
create table exam_topic (
    exam_id uuid not null references exam(id) on delete cascade,
    topic   varchar(100) not null,
    primary key (exam_id, topic)
);

-- admission after all control tasks (001 §5.30), by CSV or by hand with a reason
create table exam_admission (
    exam_id    uuid not null references exam(id) on delete cascade,
    student_id uuid not null references app_user(id),
    admitted   boolean not null,
    reason     varchar(1000),
    source     varchar(10) not null,
    decided_by uuid not null references app_user(id),
    decided_at timestamp with time zone not null,
    primary key (exam_id, student_id)
);

-- extra time for one student, with its documented basis (001 §5.8.2), approved and audited
create table accommodation (
    exam_id       uuid not null references exam(id) on delete cascade,
    student_id    uuid not null references app_user(id),
    extra_minutes integer not null,
    basis         varchar(1000) not null,
    approved_by   uuid not null references app_user(id),
    approved_at   timestamp with time zone not null,
    primary key (exam_id, student_id)
);
