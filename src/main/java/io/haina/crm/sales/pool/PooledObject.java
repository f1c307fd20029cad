package io.haina.crm.sales.pool;

import java.util.Objects;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.SystemRecords.FieldValue;

/**
 * A kind of record that sits in pools, as the feature that declares the object describes it to
 * the pools: when one of its records is <em>settled</em>, that is, the sale it stood for has
 * happened (a customer won, a lead converted). The pools ask only this, wherever a record's
 * standing matters: which records a rule returns or warns about, which count toward a member's
 * cap, which may be claimed or returned by hand.
 *
 * @param objectCode     the object
 * @param settledWhen    the field value that makes a record settled
 * @param settledForGood whether a settled record is done with pools for good — never returned by a
 *                       rule or by hand, never claimed, no weight on a member's cap (a converted lead,
 *                       whose customer is where the work goes on) — or whether each pool's settings
 *                       decide (a won customer: some companies take back customers who stopped buying)
 */
public record PooledObject(String objectCode, FieldValue settledWhen, boolean settledForGood) {

    /** Settled records leave the pools' business for good. */
    public static PooledObject settledForGood(String objectCode, String field, Object value) {
        return new PooledObject(objectCode, new FieldValue(field, value), true);
    }

    /** Whether settled records are spared is each pool's setting. */
    public static PooledObject settledAsPoolsSay(String objectCode, String field, Object value) {
        return new PooledObject(objectCode, new FieldValue(field, value), false);
    }

    /** Whether a record with these values is settled. */
    public boolean isSettled(RecordData record) {
        return Objects.equals(String.valueOf(record.get(settledWhen.field())), String.valueOf(settledWhen.value()));
    }

    /** Whether the record is settled for good: nothing a pool does applies to it any more. */
    public boolean doneWithPools(RecordData record) {
        return settledForGood && isSettled(record);
    }

    /** Whether a return rule spares settled records: always when they are settled for good or the rule is about settling at all. */
    boolean sparedBy(PoolRule rule) {
        return settledForGood || rule.kind().aboutSettling() || rule.excludeWon();
    }

    /** Whether a pool's cap on owned records leaves settled records out. */
    boolean sparedFromCap(Pool pool) {
        return settledForGood || pool.capExcludesWon();
    }
}
