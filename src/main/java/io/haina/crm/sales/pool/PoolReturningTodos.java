package io.haina.crm.sales.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.activity.TodoItem;
import io.haina.crm.platform.activity.TodoList;
import io.haina.crm.platform.activity.TodoReader;
import io.haina.crm.platform.activity.TodoSource;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.records.SystemRecords.Untouched;

/**
 * The to-do inbox's "about to go back to the pool": the reader's records that a pool's rule will
 * return within the pool's warning time, soonest first, each with the day and the pool.
 */
@Component
class PoolReturningTodos implements TodoSource {

    static final int SHOWN = 20;

    private final PoolRepository pools;
    private final PoolMembers members;
    private final PooledObjects pooled;
    private final SystemRecords system;

    PoolReturningTodos(PoolRepository pools, PoolMembers members, PooledObjects pooled, SystemRecords system) {
        this.pools = pools;
        this.members = members;
        this.pooled = pooled;
        this.system = system;
    }

    @Override
    public List<TodoList> listsFor(TodoReader reader) {
        List<TodoItem> items = new ArrayList<>();
        for (Pool pool : pools.all()) {
            if (!pool.active() || pool.warnDaysBefore() == null || !members.coveredBy(pool).contains(reader.userId())) {
                continue;
            }
            for (PoolRule rule : pool.rules()) {
                if (!rule.kind().appliesTo(pool.objectCode()) || rule.days() <= pool.warnDaysBefore()) {
                    continue;
                }
                var cutoff = reader.now().minusDays(rule.days() - pool.warnDaysBefore());
                for (Untouched record : system.untouched(pool.objectCode(),
                        PoolRecycler.staleness(pooled.of(pool.objectCode()), pool, rule, Set.of(reader.userId()), cutoff), SHOWN)) {
                    items.add(new TodoItem(record.name(), "/o/" + pool.objectCode() + "/" + record.id(),
                            record.since().plusDays(rule.days()), "pool.todo.returns-to", List.of(pool.name())));
                }
            }
        }
        items.sort(Comparator.comparing(TodoItem::due));
        return List.of(new TodoList("pool-returning", "pool.todo.title", "water",
                items.subList(0, Math.min(SHOWN, items.size())), false));
    }

    /** A warning ahead of time, never urgent: the badge need not read the pools' rules on every page. */
    @Override
    public boolean mayBeUrgent() {
        return false;
    }
}
