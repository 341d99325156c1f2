-- LTI 1.3 Advantage (kz.adal.lti, docs/lms.md): platforms registered by the admin, single-use login states,
-- the link from a platform's user (issuer, sub) to an account, resource links to exams, deep-linking requests
-- and the outbox of scores for the platform's gradebook.
create table lti_platform (
    id              uuid primary key,
    name            varchar(200)  not null,
    issuer          varchar(500)  not null,
    client_id       varchar(300)  not null,
    deployment_ids  varchar(2000) not null,
    auth_endpoint   varchar(1000) not null,
    token_endpoint  varchar(1000) not null,
    jwks_url        varchar(1000) not null,
    created_at      timestamp with time zone     not null,
    constraint lti_platform_client unique (issuer, client_id)
);

create table lti_login_state (
    state        varchar(100) primary key,
    nonce        varchar(100) not null,
    platform_id  uuid         not null references lti_platform (id),
    expires_at   timestamp with time zone    not null,
    used_at      timestamp with time zone,
    constraint lti_login_state_nonce unique (nonce)
);
create index lti_login_state_expiry on lti_login_state (expires_at);

create table lti_account (
    issuer      varchar(500) not null,
    subject     varchar(255) not null,
    user_id     uuid         not null,
    created_at  timestamp with time zone    not null,
    primary key (issuer, subject)
);
create index lti_account_user on lti_account (user_id);

create table lti_resource_link (
    id                uuid primary key,
    platform_id       uuid          not null references lti_platform (id),
    deployment_id     varchar(255)  not null,
    resource_link_id  varchar(255)  not null,
    context_id        varchar(255),
    context_title     varchar(500),
    exam_id           uuid          not null,
    lineitem_url      varchar(1000),
    memberships_url   varchar(1000),
    updated_at        timestamp with time zone     not null,
    constraint lti_resource_link_once unique (platform_id, resource_link_id)
);

create table lti_deep_link (
    id             uuid primary key,
    platform_id    uuid          not null references lti_platform (id),
    deployment_id  varchar(255)  not null,
    return_url     varchar(1000) not null,
    data           varchar(2000),
    user_id        uuid          not null,
    expires_at     timestamp with time zone     not null,
    used_at        timestamp with time zone,
    handoff_code   varchar(100),
    response_jwt   varchar(8000)
);

create table lti_score (
    id             uuid primary key,
    link_id        uuid          not null references lti_resource_link (id),
    attempt_id     uuid          not null,
    user_id        uuid          not null,
    platform_user  varchar(255)  not null,
    score_given    numeric(7, 2) not null,
    score_maximum  numeric(7, 2) not null,
    created_at     timestamp with time zone     not null,
    tries          integer       not null,
    next_try_at    timestamp with time zone     not null,
    sent_at        timestamp with time zone,
    last_error     varchar(500),
    constraint lti_score_once unique (link_id, attempt_id)
);
create index lti_score_due on lti_score (sent_at, next_try_at);
