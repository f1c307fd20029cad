-- API tokens and users' accounts join the access version (V23), so that each app instance can keep
-- a token's owner and a signed-in user's account until the version moves: an API request then
-- reads neither the token row nor the user row, and a revoked token or a changed account still
-- counts from the next request on, on every instance.
--
-- A token moves it when revoked, re-dated or deleted; noting its last use (once a minute) does not.
create trigger api_token_access after update of user_id, token_hash, expires_at, revoked_at or delete or truncate
    on api_token for each statement execute function bump_access_version();
-- An account moves it when any field a request reads from it changes (name, language, time zone,
-- place, status...); a password change does not, nor the e-mail notification switch.
drop trigger app_user_place_access on app_user;
create trigger app_user_account_access after update of username, display_name, email, phone, position, department_id,
        manager_id, status, locale, time_zone, version on app_user
    for each statement execute function bump_access_version();
