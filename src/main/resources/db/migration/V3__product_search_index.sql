-- Quick search on product names: a trigram index serves ILIKE '%…%' on Chinese and Latin text alike
-- (the cluster's character classification is UTF-8, so pg_trgm sees Chinese characters as letters).
-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
create extension if not exists pg_trgm;
create index product_name_trgm_idx on product using gin (name gin_trgm_ops);
