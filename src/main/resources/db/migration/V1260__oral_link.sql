-- Issue 14: the answer needs the link. While the student's audio/video does not reach every grader the
-- outage is measured; after adal.oral.link.pause-after the answer is paused (its remaining time kept).
alter table oral_turn add column link_lost_at timestamp with time zone;
alter table oral_turn add column link_lost_seconds bigint not null default 0;
alter table oral_turn add column answer_paused_at timestamp with time zone;
alter table oral_turn add column answer_remaining_ms bigint;
-- Who was connected to the room when (one row per socket), printed in the protocol.
create table oral_presence (
    id            uuid primary key,
    sitting_id    uuid         not null references oral_sitting(id) on delete cascade,
    user_id       uuid         not null references app_user(id),
    connection_id varchar(64)  not null unique,
    joined_at     timestamp with time zone not null,
    left_at       timestamp with time zone
);
create index oral_presence_sitting on oral_presence(sitting_id, joined_at);
