-- The oral final exam in an emergency (001 §6.15, §6.15.1–6.15.6).
-- Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

create table oral_sitting (
    id                   uuid primary key,
    title                varchar(300) not null,
    emergency_basis      varchar(4000) not null,
    study_level          varchar(20)  not null,
    sitting_date         date         not null,
    programme            varchar(300) not null,
    language             varchar(2)   not null,
    head_id              uuid         not null references app_user(id),
    allow_repeat_tickets boolean      not null,
    preparation_minutes  integer      not null,
    answer_minutes       integer      not null,
    created_by           uuid,
    created_at           timestamp with time zone not null,
    published_at         timestamp with time zone
);

-- Commission roles belong to one sitting (a member of one commission is not a member of another).
create table oral_commission_member (
    sitting_id uuid        not null references oral_sitting(id) on delete cascade,
    user_id    uuid        not null references app_user(id),
    role       varchar(20) not null,
    primary key (sitting_id, user_id)
);

create table oral_ticket (
    id         uuid primary key,
    sitting_id uuid    not null references oral_sitting(id) on delete cascade,
    number     integer not null,
    unique (sitting_id, number)
);

create table oral_ticket_question (
    ticket_id uuid          not null references oral_ticket(id) on delete cascade,
    position  integer       not null,
    text      varchar(4000) not null,
    primary key (ticket_id, position)
);

-- One student's exam in a sitting: checks, draw, timers, grades, incidents.
create table oral_turn (
    id                  uuid primary key,
    sitting_id          uuid        not null references oral_sitting(id) on delete cascade,
    student_id          uuid        not null references app_user(id),
    position            integer     not null,
    stage               varchar(30) not null,
    id_document_checked boolean     not null default false,
    id_document         varchar(300),
    face_verdict        varchar(40),
    room_checklist      varchar(4000),
    check_passed        boolean,
    check_note          varchar(2000),
    checked_by          uuid,
    checked_at          timestamp with time zone,
    commitment          varchar(64),
    seed_hex            varchar(64),
    available_tickets   varchar(4000),
    ticket_number       integer,
    drawn_by            uuid,
    drawn_at            timestamp with time zone,
    prep_started_at     timestamp with time zone,
    prep_deadline       timestamp with time zone,
    prep_ended_at       timestamp with time zone,
    answer_started_at   timestamp with time zone,
    answer_deadline     timestamp with time zone,
    answer_ended_at     timestamp with time zone,
    final_points        integer,
    final_letter        varchar(5),
    final_rule          varchar(200),
    graded_at           timestamp with time zone,
    published_at        timestamp with time zone,
    failure_at          timestamp with time zone,
    failure_note        varchar(2000),
    incomplete_due      date,
    resit_of            uuid references oral_turn(id),
    excluded_tickets    varchar(4000),
    unique (sitting_id, position)
);
create index oral_turn_sitting on oral_turn(sitting_id);
create index oral_turn_student on oral_turn(student_id);

create table oral_grade (
    id        uuid primary key,
    turn_id   uuid    not null references oral_turn(id) on delete cascade,
    member_id uuid    not null references app_user(id),
    points    integer not null,
    graded_at timestamp with time zone not null,
    unique (turn_id, member_id)
);

create table oral_snapshot (
    id       uuid primary key,
    turn_id  uuid        not null references oral_turn(id) on delete cascade,
    kind     varchar(20) not null,
    taken_at timestamp with time zone not null,
    taken_by uuid,
    jpeg     bytea       not null
);
create index oral_snapshot_turn on oral_snapshot(turn_id);

-- The sitting's log: stage changes, checks, the draw, incidents (the protocol reads it).
create table oral_event (
    id          uuid primary key,
    sitting_id  uuid         not null references oral_sitting(id) on delete cascade,
    turn_id     uuid,
    at          timestamp with time zone not null,
    kind        varchar(40)  not null,
    actor_login varchar(100),
    detail      varchar(2000)
);
create index oral_event_sitting on oral_event(sitting_id, at);
