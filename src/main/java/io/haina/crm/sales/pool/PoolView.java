package io.haina.crm.sales.pool;

/** A pool as its members see it in the pool list: which, of what, how many records wait in it, and whether they run it. */
public record PoolView(Pool pool, long waiting, boolean waitingCapped, boolean administered) {
}
