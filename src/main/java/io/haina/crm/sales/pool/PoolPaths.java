package io.haina.crm.sales.pool;

/** The pool pages' URLs, in one place for controllers, templates and notices. */
final class PoolPaths {

    static final String POOLS = "/pools";
    /** Where owners see what is about to go back: the to-do inbox, which lists it. */
    static final String RETURNING = "/todo";
    static final String ADMIN = "/admin/pools";

    private PoolPaths() {
    }

    static String pool(long id) {
        return POOLS + "/" + id;
    }
}
