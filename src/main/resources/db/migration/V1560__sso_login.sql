-- Single sign-on through the university's OpenID Connect provider (kz.adal.identity.SsoService).
-- One row per sign-in begun: the state sent to the provider, the nonce the ID token must carry and the PKCE
-- verifier; taken once by the callback (used_at), so a replayed callback finds nothing to take.
create table sso_login (
    state         varchar(64) primary key,
    nonce         varchar(64) not null,
    code_verifier varchar(128) not null,
    next_path     varchar(500),
    created_at    timestamp with time zone not null,
    used_at       timestamp with time zone
);
create index sso_login_created on sso_login (created_at);
