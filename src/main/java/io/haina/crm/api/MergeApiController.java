package io.haina.crm.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.haina.crm.platform.records.MergeRequest;
import io.haina.crm.platform.records.RecordMerge;
import io.haina.crm.platform.security.CurrentUsers;
import io.haina.crm.platform.web.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/objects/{object}/{id}/merge}: merges another record into this one (for the
 * objects that offer merging, customers). Body:
 * {@code {"otherId": 12, "fields": {"phone": "other", "level": "this"}, "version": 3, "otherVersion": 1}};
 * a field not named keeps this record's value; the versions, when sent, must be the versions read
 * (else 409 with what changed). Answers the kept record.
 */
@RestController
@Tag(name = "Records")
class MergeApiController {

    private final RecordMerge merge;
    private final RecordViews views;
    private final CurrentUsers users;

    MergeApiController(RecordMerge merge, RecordViews views, CurrentUsers users) {
        this.merge = merge;
        this.views = views;
        this.users = users;
    }

    @PostMapping("/api/v1/objects/{object}/{id}/merge")
    Map<String, Object> merge(@PathVariable String object, @PathVariable long id, @RequestBody JsonNode body) {
        long actor = users.require().id();
        JsonNode other = body.get("otherId");
        if (other == null || !other.canConvertToLong()) {
            throw InvalidInputException.of("otherId", "validation.required");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode chosen = body.path("fields");
        if (!chosen.isMissingNode() && !chosen.isNull() && !chosen.isObject()) {
            throw InvalidInputException.of("fields", "record.merge.error.side");
        }
        chosen.properties().forEach(e -> fields.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : ""));
        var kept = merge.merge(actor, object, id, new MergeRequest(other.asLong(), version(body, "version"),
                version(body, "otherVersion"), fields));
        return views.of(actor, object, kept);
    }

    private static Integer version(JsonNode body, String field) {
        JsonNode version = body.get(field);
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.canConvertToInt()) {
            throw InvalidInputException.of(field, "api.error.version-required");
        }
        return version.asInt();
    }
}
