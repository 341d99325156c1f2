-- Accounts, roles, sessions, login throttling, and the hash-chained audit log.
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

create table app_user (
    id                   uuid primary key,
    login                varchar(100) not null unique,
    full_name            varchar(300) not null,
    email                varchar(300),
    password_hash        varchar(200) not null,
    state                varchar(20)  not null,
    group_code           varchar(50),
    programme            varchar(300),
    instruction_language varchar(2),
    ui_language          varchar(2),
    curriculum_completed boolean not null default false,
    master_applicant     boolean not null default false,
    created_at           timestamp with time zone not null
);
create index app_user_group on app_user(group_code);

create table user_role (
    user_id uuid not null references app_user(id) on delete cascade,
    role    varchar(40) not null,
    primary key (user_id, role)
);

create table user_session (
    id           uuid primary key,
    user_id      uuid not null references app_user(id) on delete cascade,
    refresh_hash varchar(64) not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    user_agent   varchar(300)
);
create index user_session_user on user_session(user_id);

create table login_throttle (
    login_key    varchar(100) primary key,
    failures     integer not null,
    window_start timestamp with time zone not null,
    locked_until timestamp with time zone
);

create table audit_entry (
    seq          bigint primary key,
    at           timestamp with time zone not null,
    actor_id     uuid,
    actor_login  varchar(100) not null,
    action       varchar(100) not null,
    subject_type varchar(60)  not null,
    subject_id   varchar(100),
    scope_id     varchar(100),
    before_hash  varchar(64),
    after_hash   varchar(64),
    detail       varchar(8000),
    prev_hash    varchar(64) not null,
    hash         varchar(64) not null
);
create index audit_entry_scope on audit_entry(scope_id);
create index audit_entry_subject on audit_entry(subject_type, subject_id);

create table audit_head (
    id        integer primary key,
    last_seq  bigint not null,
    last_hash varchar(64) not null
);
insert into audit_head(id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
