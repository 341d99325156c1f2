-- Exam administration: the one-attestation-per-period guard, extensions with individual sheets,
-- and the portal administrator's period lock. 001 §5.20.3, §5.31, §5.34–5.35.

-- "discipline|group|period" while an intermediate attestation is not cancelled, otherwise null:
-- a unique column (nulls never collide) so two simultaneous creations can't both succeed (001 §5.20.3)
alter table exam add column attestation_key varchar(400);
alter table exam add constraint exam_one_attestation unique (attestation_key);
alter table exam add column cancel_reason varchar(1000);
create index exam_created_by on exam(created_by);

-- an extension: the student's application with its document, the signatures in turn, the dean's
-- office order, the individual sheet valid 14 days from receipt, its return and the AIS entry
create table individual_sheet (
    id                  uuid primary key,
    exam_id             uuid not null references exam(id),
    student_id          uuid not null references app_user(id),
    state               varchar(40) not null,
    reason              varchar(2000) not null,
    document            bytea not null,
    document_name       varchar(255) not null,
    document_type       varchar(100) not null,
    applied_at          timestamp with time zone not null,
    dean_signed_by      uuid references app_user(id),
    dean_signed_at      timestamp with time zone,
    policy_signed_by    uuid references app_user(id),
    policy_signed_at    timestamp with time zone,
    vice_signed_by      uuid references app_user(id),
    vice_signed_at      timestamp with time zone,
    refused_by          uuid references app_user(id),
    refused_at          timestamp with time zone,
    refusal_reason      varchar(2000),
    order_number        varchar(100),
    order_issued_by     uuid references app_user(id),
    order_issued_at     timestamp with time zone,
    received_on         date,
    grade_percent       numeric(5,2),
    graded_by           uuid references app_user(id),
    graded_at           timestamp with time zone,
    returned_on         date,
    returned_by         uuid references app_user(id),
    ais_recorded_by     uuid references app_user(id),
    ais_recorded_at     timestamp with time zone
);
create index individual_sheet_exam_student on individual_sheet(exam_id, student_id);
create index individual_sheet_state on individual_sheet(state);

-- after the intermediate-control deadline the portal administrator locks task bases and teacher
-- grading for a period (001 §5.31); valid individual sheets are exempt
create table portal_lock (
    academic_period varchar(40) primary key,
    locked_at       timestamp with time zone not null,
    locked_by       uuid not null references app_user(id),
    note            varchar(1000)
);
