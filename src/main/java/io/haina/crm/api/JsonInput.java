package io.haina.crm.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import io.haina.crm.platform.web.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a JSON body into the text input the record engine reads for every channel alike (forms,
 * imports, the API): strings as they are, numbers in plain notation, lists joined by commas (a
 * file as its id), null as "clear this field". The names of lookup targets a record was read with are not input.
 */
final class JsonInput {

    private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("id", "version", "ownerId", "createdAt", "updatedAt");

    private JsonInput() {
    }

    static Map<String, String> fields(JsonNode body, boolean skipBookkeeping) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of(null, "api.error.object-expected");
        }
        Map<String, String> input = new LinkedHashMap<>();
        for (var entry : body.properties()) {
            if (skipBookkeeping && BOOKKEEPING.contains(entry.getKey()) || !skipBookkeeping && entry.getKey().equals("id")
                    || entry.getKey().equals(RecordView.DISPLAY)) {
                continue;
            }
            input.put(entry.getKey(), text(entry.getKey(), entry.getValue()));
        }
        return input;
    }

    private static String text(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isArray()) {
            StringJoiner joined = new StringJoiner(",");
            // A file as the API wrote it ({"id": 12, "name": …}) comes back as its id.
            value.forEach(item -> joined.add(text(field, item.isObject() && item.has("id") ? item.get("id") : item)));
            return joined.toString();
        }
        if (value.isValueNode()) {
            return value.asString();
        }
        throw InvalidInputException.of(field, "api.error.scalar-expected");
    }

    /** One field of a body as text (numbers in plain notation); null when absent or null. */
    static String scalar(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw InvalidInputException.of(field, "api.error.scalar-expected");
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
    }
}
