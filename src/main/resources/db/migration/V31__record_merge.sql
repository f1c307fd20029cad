-- Merged records (C7, L8): which record a merged one went into, so that the kept record's history
-- shows the merged one's entries too (they stay under their own record id, where their version
-- numbers mean something), and a record merged again carries the earlier ones along.
create table record_merge (
    object_code text        not null,
    merged_id   bigint      not null,
    kept_id     bigint      not null,
    -- The merged record's name when it was merged: what its entries say they came from.
    merged_name text,
    merged_by   bigint      references app_user (id) on delete set null,
    merged_at   timestamptz not null,
    primary key (object_code, merged_id)
);
create index record_merge_kept_idx on record_merge (object_code, kept_id);
create index record_merge_merged_by_idx on record_merge (merged_by);
