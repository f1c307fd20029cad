/**
 * Lead assignment (L4): ordered rules an administrator keeps at {@code /admin/assignment-rules}
 * give each new lead from a web form, an import or the API (and, if asked, leads typed in by hand)
 * an owner — one user, a department's users in turn, the least loaded of them — or put it in a
 * lead pool; every new owner of a lead or customer, however they got it, is told; a first-follow-up
 * deadline per rule escalates a lead nobody followed up: the owner is reminded, then their
 * manager is told, then the lead is handed on or sent to a pool.
 *
 * <p>Part of the sales module (like the pools, whose public types it uses); it reads and writes
 * leads only through the record engine's {@code SystemRecords}, each step in the lead's history.
 */
package io.haina.crm.sales.assignment;
