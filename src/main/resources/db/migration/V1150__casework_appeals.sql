-- Working calendar per year (admin-maintained), appeal commissions, appeals with grade changes, absence applications.
create table calendar_year (
    cal_year    integer primary key,
    sample      boolean not null,
    updated_by  uuid,
    updated_at  timestamp with time zone not null
);
create table calendar_day (
    cal_date    date primary key,
    cal_year    integer not null references calendar_year(cal_year),
    kind        varchar(20) not null,
    name        varchar(300) not null
);
create index calendar_day_year on calendar_day (cal_year);

create table appeal_commission (
    id            uuid primary key,
    exam_id       uuid,
    sitting_id    uuid,
    title         varchar(300) not null,
    chair_id      uuid not null references app_user(id),
    deputy_id     uuid not null references app_user(id),
    chair_absent  boolean not null,
    absence_note  varchar(1000),
    created_by    uuid,
    created_at    timestamp with time zone not null
);
create index appeal_commission_exam on appeal_commission (exam_id);
create index appeal_commission_sitting on appeal_commission (sitting_id);
create table appeal_commission_member (
    commission_id uuid not null references appeal_commission(id),
    user_id       uuid not null references app_user(id),
    primary key (commission_id, user_id)
);

create table appeal (
    id               uuid primary key,
    kind             varchar(10) not null,
    scope_id         uuid not null,
    exam_id          uuid,
    sitting_id       uuid,
    attempt_id       uuid,
    turn_id          uuid,
    student_id       uuid not null references app_user(id),
    commission_id    uuid references appeal_commission(id),
    reason           varchar(4000) not null,
    attachment       bytea,
    attachment_name  varchar(300),
    attachment_type  varchar(100),
    exam_ended_at    timestamp with time zone not null,
    result_at        timestamp with time zone,
    filed_at         timestamp with time zone not null,
    state            varchar(20) not null,
    hearing_at       timestamp with time zone,
    hearing_link     varchar(1000),
    hearing_set_by   uuid,
    decision         varchar(20),
    decision_note    varchar(4000),
    signed_by        uuid,
    signed_by_name   varchar(300),
    signed_as        varchar(20),
    decided_at       timestamp with time zone
);
create index appeal_student on appeal (student_id);
create index appeal_commission_idx on appeal (commission_id);
create index appeal_attempt on appeal (attempt_id);

-- A grade changed by an upheld appeal: its own record, before and after (the attempt/turn holds the current grade).
create table appeal_grade_change (
    id              uuid primary key,
    appeal_id       uuid not null references appeal(id),
    attempt_id      uuid,
    turn_id         uuid,
    before_value    varchar(40) not null,
    before_letter   varchar(10),
    after_value     varchar(40) not null,
    after_letter    varchar(10),
    changed_by      uuid not null,
    changed_by_name varchar(300) not null,
    changed_at      timestamp with time zone not null,
    reason          varchar(4000) not null
);
create unique index appeal_grade_change_appeal on appeal_grade_change (appeal_id);

create table absence_application (
    id              uuid primary key,
    sitting_id      uuid not null,
    turn_id         uuid not null,
    student_id      uuid not null references app_user(id),
    reason          varchar(4000) not null,
    document        bytea not null,
    document_name   varchar(300) not null,
    document_type   varchar(100) not null,
    filed_at        timestamp with time zone not null,
    state           varchar(20) not null,
    forwarded_by    uuid,
    forwarded_by_name varchar(300),
    forwarded_at    timestamp with time zone,
    forward_note    varchar(2000),
    visa_by         uuid,
    visa_by_name    varchar(300),
    visa_at         timestamp with time zone,
    visa_note       varchar(2000),
    resit_turn_id   uuid,
    resit_sitting_id uuid
);
create index absence_student on absence_application (student_id);
create index absence_sitting on absence_application (sitting_id);
