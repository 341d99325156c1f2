-- the answer receipt a student files with an appeal (docs/reliability.md "Receipts"): the commission sees
-- whether the stored answers still match it
alter table appeal add column receipt varchar(4000);
