-- Team members of a record (A4): people besides the owner's scope who may read it, or read and
-- change it, until an optional expiry.

create table record_team (
    object_code text        not null,
    record_id   bigint      not null,
    user_id     bigint      not null references app_user (id) on delete cascade,
    access      text        not null check (access in ('READ', 'EDIT')),
    expires_at  timestamptz,
    added_by    bigint      references app_user (id) on delete set null,
    added_at    timestamptz not null default now(),
    primary key (object_code, record_id, user_id)
);
-- "Which records of this object is this user on the team of" — the list query's question.
create index record_team_user_idx on record_team (user_id, object_code, record_id);
create index record_team_added_by_idx on record_team (added_by);
