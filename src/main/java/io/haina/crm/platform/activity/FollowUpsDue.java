package io.haina.crm.platform.activity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.haina.crm.platform.metadata.ObjectDef;
import io.haina.crm.platform.metadata.ObjectRegistry;
import io.haina.crm.platform.records.RecordData;
import io.haina.crm.platform.records.RecordFinder;
import io.haina.crm.platform.records.RecordListRequest;
import io.haina.crm.platform.records.Scene;
import io.haina.crm.platform.security.ObjectAction;
import io.haina.crm.platform.security.Permissions;

/**
 * The inbox's first list: the reader's own records whose next follow-up is today or past, soonest
 * first, asked through the record engine as the reader (so only what they may see).
 */
@Component
@Order(10)
class FollowUpsDue implements TodoSource {

    static final int SHOWN = 50;

    private final List<FollowUpsOn> objects;
    private final ObjectRegistry registry;
    private final RecordFinder finder;
    private final Permissions permissions;

    FollowUpsDue(List<FollowUpsOn> objects, ObjectRegistry registry, RecordFinder finder, Permissions permissions) {
        this.objects = objects;
        this.registry = registry;
        this.finder = finder;
        this.permissions = permissions;
    }

    @Override
    public List<TodoList> listsFor(TodoReader reader) {
        List<TodoItem> items = new ArrayList<>();
        for (FollowUpsOn on : objects) {
            ObjectDef object = registry.find(on.objectCode()).orElse(null);
            if (object == null || object.field(FollowUpsOn.NEXT).isEmpty()
                    || !permissions.can(reader.userId(), object.code(), ObjectAction.VIEW)) {
                continue;
            }
            String due = FollowUpsOn.NEXT + " le " + reader.today();
            for (RecordData record : finder.list(reader.userId(), object.code(), new RecordListRequest(null, due, Scene.MINE,
                    FollowUpsOn.NEXT, null, SHOWN, false)).items()) {
                items.add(new TodoItem(String.valueOf(record.get(object.nameField())), "/o/" + object.code() + "/" + record.id(),
                        (OffsetDateTime) record.get(FollowUpsOn.NEXT), object.labelKey(), List.of()));
            }
        }
        items.sort(java.util.Comparator.comparing(TodoItem::due));
        return List.of(new TodoList("follow-ups-due", "todo.follow-ups-due", "telephone-outbound", items, true));
    }
}
