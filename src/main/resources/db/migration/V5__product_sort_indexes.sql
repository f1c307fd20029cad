-- Lists sorted by name or price read an index in either direction and stop after one page.
create index product_name_sort_idx on product (name, id);
create index product_list_price_sort_idx on product (list_price, id);
