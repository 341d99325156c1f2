-- Safe Exam Browser per exam (issue 18): whether the exam requires SEB, and the keys it accepts besides
-- the Config Key of the .seb file Adal generates (a university's own .seb files, Browser Exam Keys of
-- SEB builds it has approved), one Base16 key per line.
create table exam_seb (
    exam_id             uuid primary key references exam(id),
    required            boolean not null,
    extra_config_keys   varchar(4000) not null default '',
    browser_exam_keys   varchar(4000) not null default '',
    updated_by          uuid not null,
    updated_at          timestamp with time zone not null
);
