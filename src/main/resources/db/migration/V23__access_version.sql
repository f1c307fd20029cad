-- A number that changes whenever anything an access decision is computed from changes: roles and
-- their grants, who holds which role, departments, users' place in the org chart, field
-- permissions and record teams. Each app instance keeps what it computed from those tables (a
-- user's merged grants, the org chart, field restrictions, the list of active users) until the number moves, so a request
-- reads one row instead of five tables, and a change still applies from the next request on.
--
-- The number lives in a row, not only in a sequence, so that it moves exactly when the change
-- commits: a reader never sees a new number before the data it stands for. Values come from a
-- sequence so that a rolled-back change's number is never handed out again.
create sequence access_version_seq;

create table access_version (
    id      integer primary key check (id = 1),
    version bigint  not null
);
insert into access_version values (1, nextval('access_version_seq'));

create function bump_access_version() returns trigger language plpgsql as $$
begin
    update access_version set version = nextval('access_version_seq') where id = 1;
    return null;
end
$$;

create trigger department_access after insert or update or delete or truncate on department
    for each statement execute function bump_access_version();
create trigger role_access after insert or update or delete or truncate on role
    for each statement execute function bump_access_version();
create trigger role_grant_access after insert or update or delete or truncate on role_grant
    for each statement execute function bump_access_version();
create trigger user_role_access after insert or update or delete or truncate on user_role
    for each statement execute function bump_access_version();
create trigger field_permission_access after insert or update or delete or truncate on field_permission
    for each statement execute function bump_access_version();
create trigger record_team_access after insert or update or delete or truncate on record_team
    for each statement execute function bump_access_version();
-- Users: what places them in the org chart, switches them on or off, or names them in choice
-- lists of users (kept beside the chart); not sign-ins or password changes.
create trigger app_user_access after insert or delete or truncate on app_user
    for each statement execute function bump_access_version();
create trigger app_user_place_access after update of department_id, manager_id, status, display_name on app_user
    for each statement execute function bump_access_version();
