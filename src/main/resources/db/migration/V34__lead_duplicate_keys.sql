-- Leads are checked for duplicates like customers (L8): by phone as well as mobile and e-mail,
-- and by the company name without its legal form, place names and brackets (the key the engine
-- computes, see CompanyNames). Existing leads get their key at the next start
-- (DuplicateKeyBackfill), since the key is computed in Java.
alter table lead add column company_key text;
create index lead_company_key_idx on lead (company_key) where deleted_at is null;
create index lead_phone_comparable_idx on lead (regexp_replace(lower(phone), '[\s　]+', '', 'g'))
    where deleted_at is null;
