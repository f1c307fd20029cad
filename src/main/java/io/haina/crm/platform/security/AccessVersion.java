package io.haina.crm.platform.security;

/**
 * The version of everything access decisions are computed from: roles and grants, role holders,
 * the org chart, field permissions and record teams. The database moves it in the same commit as
 * any change to those tables, so a value computed from them stays right for as long as the
 * version it was computed under is current. See {@link AccessCache}.
 */
public interface AccessVersion {

    /** The current version, read once per web request (and on every call outside one). */
    long current();
}
