-- Question banks: passports, versions, questions, department approval, expert lists and reviews.
-- 001 §5.21–5.27, §7.6; 004 form 05.

create table bank (
    id               uuid primary key,
    title            varchar(300) not null,
    created_by       uuid not null references app_user(id),
    created_at       timestamp with time zone not null,
    -- the department's decision on which items are "typical" and open for practice (001 §5.23.2)
    typical_decision varchar(1000)
);

-- the compilers (құрастырушылар): they alone edit the bank; an expert may never be one of them (001 §5.24)
create table bank_compiler (
    bank_id uuid not null references bank(id) on delete cascade,
    user_id uuid not null references app_user(id),
    primary key (bank_id, user_id)
);

create table bank_version (
    id                  uuid primary key,
    bank_id             uuid not null references bank(id) on delete cascade,
    number              integer not null,
    state               varchar(20) not null,
    discipline          varchar(300) not null,
    programme           varchar(300) not null,
    language            varchar(2) not null,
    reference_materials varchar(4000),
    created_at          timestamp with time zone not null,
    frozen_at           timestamp with time zone,
    unique (bank_id, number)
);

create table bank_material (
    id           uuid primary key,
    version_id   uuid not null references bank_version(id) on delete cascade,
    file_name    varchar(300) not null,
    content_type varchar(100) not null,
    content      bytea not null,
    uploaded_at  timestamp with time zone not null
);

create table question (
    id          uuid primary key,
    version_id  uuid not null references bank_version(id) on delete cascade,
    position    integer not null,
    stem        varchar(4000) not null,
    image       bytea,
    image_type  varchar(50),
    difficulty  varchar(10) not null,
    topic       varchar(100),
    typical     boolean not null default false
);
create index question_version on question(version_id, position);

create table question_option (
    question_id uuid not null references question(id) on delete cascade,
    position    integer not null,
    text        varchar(2000) not null,
    correct     boolean not null,
    primary key (question_id, position)
);

-- department meeting approval (001 §5.19): date and minutes number
create table department_approval (
    version_id     uuid primary key references bank_version(id) on delete cascade,
    approved_on    date not null,
    minutes_number varchar(50) not null,
    recorded_by    uuid not null references app_user(id),
    recorded_at    timestamp with time zone not null
);

-- experts approved for an academic year, each March (001 §5.24)
create table approved_expert (
    user_id       uuid not null references app_user(id),
    academic_year varchar(9) not null,
    approved_on   date not null,
    recorded_by   uuid not null references app_user(id),
    primary key (user_id, academic_year)
);

create table expert_review (
    id              uuid primary key,
    version_id      uuid not null references bank_version(id) on delete cascade,
    expert_id       uuid not null references app_user(id),
    assigned_by     uuid not null references app_user(id),
    assigned_at     timestamp with time zone not null,
    state           varchar(20) not null,
    academic_year   varchar(9) not null,
    conformity_ok   boolean,
    difficulty_ok   boolean,
    wording_ok      boolean,
    overall_comment varchar(4000),
    conclusion      varchar(10),
    for_computer    boolean,
    for_written     boolean,
    valid_from      date,
    valid_until     date,
    concluded_at    timestamp with time zone
);
create index expert_review_version on expert_review(version_id);
create index expert_review_expert on expert_review(expert_id);

create table review_comment (
    review_id   uuid not null references expert_review(id) on delete cascade,
    question_id uuid not null references question(id) on delete cascade,
    comment     varchar(2000) not null,
    primary key (review_id, question_id)
);
