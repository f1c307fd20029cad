-- Field permissions (A4): per role and object, a field can be hidden, read-only or masked. A user
-- whose roles grant viewing the object gets the most open access among those roles; a field no
-- rule names is editable.

create table field_permission (
    role_id     bigint not null references role (id) on delete cascade,
    object_code text   not null,
    field_name  text   not null,
    access      text   not null check (access in ('HIDDEN', 'READ_ONLY', 'MASKED')),
    primary key (role_id, object_code, field_name)
);
