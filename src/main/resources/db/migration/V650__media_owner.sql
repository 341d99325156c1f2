-- Recordings owned by other features than the attempt (issue 8: an oral exam turn). media_track and
-- recording_interruption get an owner (kind + id); attempt_id stays for attempts and is null otherwise.
-- See docs/media.md "Owners". Runs on H2 (MODE=PostgreSQL) and PostgreSQL.

alter table media_track alter column attempt_id drop not null;
alter table media_track add column owner_kind varchar(20);
alter table media_track add column owner_id uuid;
update media_track set owner_kind = 'ATTEMPT', owner_id = attempt_id where owner_kind is null;
-- one track per (owner, kind), like media_track_one_per_kind for attempts
alter table media_track add constraint media_track_one_per_owner_kind unique (owner_kind, owner_id, kind);

alter table recording_interruption alter column attempt_id drop not null;
alter table recording_interruption add column owner_kind varchar(20);
alter table recording_interruption add column owner_id uuid;
create index recording_interruption_owner on recording_interruption(owner_kind, owner_id);
