-- Quick search also matches product codes (SRV-X1): a trigram index for them too.
create index product_code_trgm_idx on product using gin (code gin_trgm_ops);
