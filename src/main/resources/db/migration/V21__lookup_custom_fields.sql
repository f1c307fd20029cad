-- Custom lookup fields (A5): a custom field may point at the records of another object (or of its
-- own, such as a replacement product). The object it points at is kept beside the field; its column
-- is a bigint holding the target record's id, indexed when it is added.
alter table custom_field add column target_object text;
alter table custom_field add constraint custom_field_lookup_target_chk
    check ((type = 'LOOKUP') = (target_object is not null));
