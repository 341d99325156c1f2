-- Notices about cases, kept in the app and optionally mailed (casework: acts, votes, appeals, absences).
create table casework_notice (
    id           uuid primary key,
    recipient_id uuid          not null references app_user(id),
    kind         varchar(80)   not null,
    subject      varchar(500)  not null,
    body         varchar(8000) not null,
    link         varchar(1000),
    case_type    varchar(40),
    case_id      uuid,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone,
    mail_to      varchar(320),
    mail_status  varchar(20)   not null,
    mail_error   varchar(2000),
    mailed_at    timestamp with time zone
);
create index casework_notice_recipient on casework_notice (recipient_id, created_at);
create index casework_notice_case on casework_notice (case_type, case_id);
