-- The author sends a draft version to the department meeting for approval (001 §5.19): who and when.
-- One row per version; sending again after edits replaces it.
create table department_submission (
    version_id   uuid primary key references bank_version (id) on delete cascade,
    submitted_by uuid not null references app_user (id),
    submitted_at timestamp with time zone not null,
    note         varchar(2000)
);
