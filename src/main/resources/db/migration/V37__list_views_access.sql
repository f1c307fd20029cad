-- Saved list views: which ones a user is offered is read on every list page. Each app instance
-- keeps a user's views of an object until the access version moves, as it keeps pool memberships
-- (V26); saving, sharing or deleting a view moves it. Views change seldom beside page views.
create trigger list_view_access after insert or update or delete or truncate on list_view
    for each statement execute function bump_access_version();
create trigger list_view_role_access after insert or update or delete or truncate on list_view_role
    for each statement execute function bump_access_version();
