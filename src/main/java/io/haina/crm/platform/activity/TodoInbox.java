package io.haina.crm.platform.activity;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The to-do inbox: every {@link TodoSource}'s lists for one reader, and the count for its badge. */
@Service
@Transactional(readOnly = true)
public class TodoInbox {

    private final List<TodoSource> sources;

    TodoInbox(ObjectProvider<TodoSource> sources) {
        this.sources = sources.orderedStream().toList();
    }

    public List<TodoList> listsFor(TodoReader reader) {
        return sources.stream().flatMap(source -> source.listsFor(reader).stream()).toList();
    }

    /** What needs doing today or is late: the items of the urgent lists. */
    public int urgentCount(TodoReader reader) {
        return sources.stream().filter(TodoSource::mayBeUrgent).flatMap(source -> source.listsFor(reader).stream())
                .filter(TodoList::urgent).mapToInt(list -> list.items().size()).sum();
    }
}
