-- Administrators' changes laid over the objects declared in Java (A5): their own wording for
-- labels, which fields are required, hidden, in which order, picklist options (order, colour,
-- active, new ones), and custom fields, which are real columns (cf_*) added to the object's table.

-- Labels in the administrator's words, per message key and language; the bundled text otherwise.
create table label_override (
    message_key text not null,
    language    text not null check (language in ('zh-CN', 'en')),
    text        text not null,
    primary key (message_key, language)
);

create table field_setting (
    object_code text    not null,
    field_name  text    not null,
    required    boolean,               -- null: as declared
    hidden      boolean not null default false,
    position    integer,               -- null: in declared order, after those placed
    primary key (object_code, field_name)
);

create table picklist_option_setting (
    object_code text    not null,
    field_name  text    not null,
    code        text    not null,
    color       text,
    active      boolean not null default true,
    position    integer,
    added       boolean not null default false,  -- an option the administrator added
    primary key (object_code, field_name, code)
);

create table custom_field (
    object_code text        not null,
    name        text        not null check (name ~ '^cf_[a-z0-9_]{1,40}$'),
    type        text        not null,
    max_length  integer,
    active      boolean     not null default true,
    created_at  timestamptz not null default now(),
    created_by  bigint      references app_user (id) on delete set null,
    primary key (object_code, name)
);
create index custom_field_created_by_idx on custom_field (created_by);

-- Bumped on every change, so that each app instance knows when to reload its copy.
create table metadata_version (
    id      integer primary key check (id = 1),
    version bigint  not null
);
insert into metadata_version values (1, 0);
