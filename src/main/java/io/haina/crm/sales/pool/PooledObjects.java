package io.haina.crm.sales.pool;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.SystemRecords;
import io.haina.crm.platform.web.ConflictException;

/** The {@link PooledObject} declarations, one per object whose records sit in pools. */
@Component
class PooledObjects {

    private final Map<String, PooledObject> byCode;
    private final SystemRecords system;

    PooledObjects(List<PooledObject> declared, SystemRecords system) {
        this.byCode = declared.stream().collect(Collectors.toUnmodifiableMap(PooledObject::objectCode, Function.identity()));
        this.system = system;
        PoolSettings.OBJECTS.stream().filter(code -> !byCode.containsKey(code)).findFirst().ifPresent(code -> {
            throw new IllegalStateException(code + " sits in pools but declares no PooledObject");
        });
    }

    PooledObject of(String objectCode) {
        PoolSettings.requirePooled(objectCode);
        return byCode.get(objectCode);
    }

    /** Whether the record is done with pools for good (a converted lead). */
    boolean doneWithPools(RecordData record) {
        PooledObject pooled = byCode.get(record.object());
        return pooled != null && pooled.doneWithPools(record);
    }

    /** Refuses, in the reader's language, what a pool would do to a record done with pools for good. */
    void requireNotDone(String objectCode, long recordId) {
        if (system.read(objectCode, recordId).filter(this::doneWithPools).isPresent()) {
            throw new ConflictException("pool.error.settled." + objectCode);
        }
    }
}
