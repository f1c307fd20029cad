-- The duplicate warning compares product names lower-cased and without blanks (SameValueDuplicateCheck):
-- this index is that very expression, so that the check answers from it while a name is typed.
create index product_name_comparable_idx on product (regexp_replace(lower(name), '[\s　]+', '', 'g'))
    where deleted_at is null;
