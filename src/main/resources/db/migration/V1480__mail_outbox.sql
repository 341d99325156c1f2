-- The notices table is the mail outbox (issue 16): a notice to mail is stored with its case in one transaction;
-- whichever node claims it sends it. A claim is a lease (claimed_by, claim_until) taken by a conditional update,
-- so two nodes never send the same notice at once, and a node that dies mid-send releases it when the lease ends.
-- A failed try waits until mail_next_at (backing off), up to adal.mail.max-attempts tries.
alter table casework_notice add column mail_attempts integer default 0 not null;
alter table casework_notice add column mail_next_at timestamp with time zone;
alter table casework_notice add column mail_claimed_by varchar(200);
alter table casework_notice add column mail_claim_until timestamp with time zone;
create index casework_notice_outbox on casework_notice (mail_status, mail_next_at);
