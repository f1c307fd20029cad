package io.haina.crm.sales.pool;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.haina.crm.platform.notify.Notice;
import io.haina.crm.platform.notify.NoticeKind;
import io.haina.crm.platform.notify.Notifications;
import io.haina.crm.platform.records.ChangeReason;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.records.SystemRecords.FieldValue;
import io.haina.crm.platform.records.SystemRecords.Staleness;
import io.haina.crm.platform.records.SystemRecords.Untouched;
import io.haina.crm.platform.security.Organization;

/**
 * The nightly round of the pools (PublicPoolRecycler in DESIGN.md): each active pool's rules send
 * back the records its members have left untouched too long, each return on the record's
 * timeline with the rule as its reason and its owner told; then owners hear which of their
 * records will go back within the pool's warning time. Running it twice returns and warns
 * nothing twice: returned records are no longer owned, warnings are kept per record and day.
 */
@Service
public class PoolRecycler {

    static final NoticeKind RETURNED = NoticeKind.of("POOL_RECORDS_RETURNED");
    static final NoticeKind WARNING = NoticeKind.of("POOL_RETURN_WARNING");
    /** Warnings name records one by one up to this many per pool and rule; the rest wait for the next day. */
    static final int WARNINGS_PER_RULE = 5_000;

    private static final Logger log = LoggerFactory.getLogger(PoolRecycler.class);

    private final PoolRepository pools;
    private final PoolMembers members;
    private final PooledObjects pooled;
    private final SystemRecords system;
    private final Notifications notifications;
    private final Organization organization;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PoolRecycler(PoolRepository pools, PoolMembers members, PooledObjects pooled, SystemRecords system,
                 Notifications notifications, Organization organization, TransactionTemplate transaction, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.pooled = pooled;
        this.system = system;
        this.notifications = notifications;
        this.organization = organization;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What one round did. */
    public record Round(int returned, int warned) {
    }

    /** One round over every pool; each pool in its own transaction, so one pool's failure spares the others. */
    public Round run() {
        int returned = 0;
        int warned = 0;
        for (Pool pool : pools.all()) {
            if (!pool.active() || pool.rules().isEmpty()) {
                continue;
            }
            try {
                Round round = transaction.execute(status -> runPool(pool));
                returned += round.returned();
                warned += round.warned();
            } catch (RuntimeException e) {
                log.error("pool {} ({}): the return round failed", pool.id(), pool.name(), e);
            }
        }
        return new Round(returned, warned);
    }

    private Round runPool(Pool pool) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Set<Long> owners = members.coveredBy(pool);
        Map<Long, Integer> returnedPerOwner = new LinkedHashMap<>();
        int returned = 0;
        for (PoolRule rule : applicable(pool)) {
            String reason = reason(rule);
            List<Untouched> back = system.sweep(pool.objectCode(), staleness(pool, rule, owners, now.minusDays(rule.days())),
                    pool.id(), "RETURNED_TO_POOL", reason);
            pools.logReleases(pool.id(), pool.objectCode(), back.stream().map(u -> new long[] {u.id(), u.ownerId()}).toList(),
                    now, reason);
            back.forEach(u -> returnedPerOwner.merge(u.ownerId(), 1, Integer::sum));
            returned += back.size();
        }
        returnedPerOwner.forEach((owner, count) -> notifications.send(Notice.to(owner, RETURNED)
                .message("pool.notice.returned", count, pool.name()).link(PoolPaths.pool(pool.id()))));
        return new Round(returned, pool.warnDaysBefore() == null ? 0 : warn(pool, owners, now));
    }

    /** Tells owners, once per record and return day, what will go back within the warning time. */
    private int warn(Pool pool, Set<Long> owners, OffsetDateTime now) {
        Map<Long, String> names = new java.util.HashMap<>();
        Map<Long, java.time.ZoneId> zones = new java.util.HashMap<>();
        List<PoolRepository.Warning> due = new ArrayList<>();
        for (PoolRule rule : applicable(pool)) {
            if (rule.days() <= pool.warnDaysBefore()) {
                continue;
            }
            OffsetDateTime cutoff = now.minusDays(rule.days() - pool.warnDaysBefore());
            for (Untouched record : system.untouched(pool.objectCode(), staleness(pool, rule, owners, cutoff), WARNINGS_PER_RULE)) {
                LocalDate returnsOn = record.since().plusDays(rule.days())
                        .atZoneSameInstant(zones.computeIfAbsent(record.ownerId(), organization::timeZoneOf)).toLocalDate();
                due.add(new PoolRepository.Warning(record.id(), record.ownerId(), returnsOn));
                names.put(record.id(), record.name());
            }
        }
        Map<Long, List<String>> warnedPerOwner = new LinkedHashMap<>();
        for (PoolRepository.Warning warning : pools.warnOnce(pool.objectCode(), distinct(due), now)) {
            warnedPerOwner.computeIfAbsent(warning.ownerId(), k -> new ArrayList<>()).add(names.get(warning.recordId()));
        }
        warnedPerOwner.forEach((owner, warned) -> notifications.send(Notice.to(owner, WARNING)
                .message("pool.notice.warning", warned.size(), pool.name(), pool.warnDaysBefore(),
                        String.join("、", warned.subList(0, Math.min(3, warned.size()))))
                .link(PoolPaths.RETURNING).alsoByEmail()));
        return warnedPerOwner.values().stream().mapToInt(List::size).sum();
    }

    /** A record two rules warn about for the same day is warned about once. */
    private static List<PoolRepository.Warning> distinct(List<PoolRepository.Warning> warnings) {
        Map<String, PoolRepository.Warning> unique = new LinkedHashMap<>();
        warnings.forEach(w -> unique.putIfAbsent(w.recordId() + "/" + w.returnsOn(), w));
        return List.copyOf(unique.values());
    }

    private static List<PoolRule> applicable(Pool pool) {
        return pool.rules().stream().filter(rule -> rule.kind().appliesTo(pool.objectCode())).toList();
    }

    /**
     * The rule as the engine's question: which owned records, untouched since before the cutoff, go
     * back. Settled records stay where the object or the rule spares them (see {@link PooledObject});
     * the level and the open opportunities are customers' own switches.
     */
    static Staleness staleness(PooledObject object, Pool pool, PoolRule rule, Set<Long> owners, OffsetDateTime cutoff) {
        List<FieldValue> only = new ArrayList<>();
        List<FieldValue> except = new ArrayList<>();
        if (object.sparedBy(rule)) {
            except.add(object.settledWhen());
        }
        if (pool.objectCode().equals("customer")) {
            if (rule.customerLevel() != null) {
                only.add(new FieldValue("level", rule.customerLevel()));
            }
            if (rule.excludeOpenOpportunities()) {
                only.add(new FieldValue("open_opportunities", 0));
            }
        }
        return new Staleness(owners, cutoff, rule.kind().sinceField(), only, except);
    }

    private Staleness staleness(Pool pool, PoolRule rule, Set<Long> owners, OffsetDateTime cutoff) {
        return staleness(pooled.of(pool.objectCode()), pool, rule, owners, cutoff);
    }

    /** The reason on the timeline: a message key and its argument, shown in the reader's language. */
    static String reason(PoolRule rule) {
        return ChangeReason.of("pool.reason." + rule.kind().name(), rule.days());
    }
}
