-- The recycle bin lists deleted records newest first, page by page: a small partial index per
-- record table (only deleted rows) lets each table hand over its page without a scan.
create index product_recycle_bin_idx on product (deleted_at desc, id desc) where deleted_at is not null;
