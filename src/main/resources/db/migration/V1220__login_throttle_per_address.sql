-- Failed logins are now counted per login and client address (login|address): room for both.
-- Old rows were per login only and are short-lived; they are dropped rather than carried over.
delete from login_throttle;
alter table login_throttle alter column login_key set data type varchar(200);
