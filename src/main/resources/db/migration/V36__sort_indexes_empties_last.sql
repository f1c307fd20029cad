-- Sorting an optional field going down puts empty values last (RecordFinder.Sort). An index
-- with nulls first, read backwards, gives exactly that order, so these lists still stop after
-- one page instead of sorting every visible row: products by price, customers by the last
-- follow-up ("who did we talk to lately").
create index product_list_price_down_idx on product (list_price nulls first, id);
create index customer_last_follow_up_down_idx on customer (last_follow_up_at nulls first, id);
