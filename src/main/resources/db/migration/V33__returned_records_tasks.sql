-- A record that goes back to a pool (公海, 线索池) takes its previous owner's open tasks about it
-- with it: they are cancelled, neither done nor left on the previous owner's list and calendar.
alter table task drop constraint task_status_check,
    add constraint task_status_check check (status in ('open', 'done', 'cancelled'));
