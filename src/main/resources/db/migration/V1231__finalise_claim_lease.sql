-- A finalisation claim names the node that holds it; the node renews it while it works, and on
-- start releases its own (a claim does not outlive its node: docs/reliability.md).
alter table media_track add column claimed_by varchar(200);
