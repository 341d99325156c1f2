-- The exam's lifecycle verbs take the time (docs/domain/exam-lifecycle.md): when it was published and cancelled.
-- Rows published or cancelled before this migration keep null (the audit log has the moment).
alter table exam add column published_at timestamp with time zone;
alter table exam add column cancelled_at timestamp with time zone;
