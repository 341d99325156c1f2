-- A refresh response lost on the way back must not end the session: the token just rotated out
-- may be presented once more within a short grace (OAuth 2.0 Security BCP §4.14.2).
alter table user_session add column previous_refresh_hash varchar(64);
alter table user_session add column rotated_at timestamp with time zone;
alter table user_session add column previous_replayed boolean not null default false;
