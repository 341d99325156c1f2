-- Issue 8: the oral turn is recorded through the media pipeline (media_track.owner_kind = 'ORAL_TURN').
-- The student is told about the recording and acknowledges it before the first chunk is taken.
alter table oral_turn add column recording_notice_at timestamp with time zone;
-- the Jitsi room's recording, when Jitsi is configured (a link kept for the protocol)
alter table oral_sitting add column jitsi_recording_url varchar(1000);
