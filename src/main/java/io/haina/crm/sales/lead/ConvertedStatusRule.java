package io.haina.crm.sales.lead;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordHook;
import io.haina.crm.platform.web.InvalidInputException;

/**
 * "Converted" is what conversion makes a lead, never a status typed in: a lead marked converted by
 * hand would link to no customer. A converted lead's status stays.
 */
@Component
class ConvertedStatusRule implements RecordHook {

    @Override
    public String object() {
        return LeadObject.CODE;
    }

    @Override
    public void beforeSave(long actorId, RecordData current, Map<String, Object> values) {
        if (!values.containsKey("status")) {
            return;
        }
        boolean wasConverted = current != null && "converted".equals(current.get("status"));
        boolean becomesConverted = "converted".equals(values.get("status"));
        if (becomesConverted != wasConverted) {
            throw InvalidInputException.of("status", wasConverted ? "lead.convert.status-kept" : "lead.convert.status-by-hand");
        }
    }
}
