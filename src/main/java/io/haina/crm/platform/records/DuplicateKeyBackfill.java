package io.haina.crm.platform.records;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.haina.crm.platform.metadata.DuplicateKey;
import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;

/**
 * Fills a {@linkplain DuplicateKey duplicate key} column for records written before the key was
 * declared. The engine keeps a key current wherever its field is written, but a key added to an
 * object that already has records (leads got a company-name key after they shipped) starts out
 * empty, and an empty key meets nothing: those records would never be reported as duplicates.
 *
 * <p>Runs at startup, before requests come in, in batches by id so a large table is neither
 * read into memory nor locked in one long transaction. A record whose field leaves no key
 * (nothing distinctive, e.g. only a legal form) keeps a null key and is looked at again on the
 * next start; there are few such rows, and the lookup is by an index.
 */
@Component
@Order(0)
class DuplicateKeyBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DuplicateKeyBackfill.class);
    private static final int BATCH = 1_000;

    private final ObjectRegistry objects;
    private final DSLContext db;
    private final TransactionTemplate transactions;

    DuplicateKeyBackfill(ObjectRegistry objects, DSLContext db, TransactionTemplate transactions) {
        this.objects = objects;
        this.db = db;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ObjectDef object : objects.all()) {
            for (DuplicateKey key : object.duplicateKeys()) {
                long filled = fill(object, key);
                if (filled > 0) {
                    log.info("Filled the duplicate key {}.{} of {} records", object.code(), key.column(), filled);
                }
            }
        }
    }

    /** How many records got their key. */
    long fill(ObjectDef object, DuplicateKey key) {
        RecordTable t = new RecordTable(object);
        var field = t.column(key.field(), String.class);
        long after = 0;
        long filled = 0;
        while (true) {
            long from = after;
            List<Record2<Long, String>> batch = db.select(t.id, field).from(t.table)
                    .where(t.keyColumn(key).isNull()).and(field.isNotNull()).and(t.id.gt(from))
                    .orderBy(t.id).limit(BATCH).fetch();
            if (batch.isEmpty()) {
                return filled;
            }
            filled += transactions.execute(status -> {
                int written = 0;
                for (Record2<Long, String> row : batch) {
                    String computed = key.of(row.value2());
                    if (!computed.isEmpty()) {
                        written += db.update(t.table).set(t.keyColumn(key), computed)
                                .where(t.id.eq(row.value1())).execute();
                    }
                }
                return written;
            });
            after = batch.get(batch.size() - 1).value1();
        }
    }
}
