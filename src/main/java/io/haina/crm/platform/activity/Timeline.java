package io.haina.crm.platform.activity;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.haina.crm.platform.files.StoredFile;
import io.haina.crm.platform.records.ReadableHistory;
import io.haina.crm.platform.web.Messages;

/**
 * A record's timeline (C8): its follow-ups, its tasks and its history, newest first, a page at a
 * time. The three are read separately and merged by moment; a page ends at a {@link Cursor} that
 * orders entries of the same moment too, so "load more" neither skips nor repeats one.
 */
@Service
@Transactional(readOnly = true)
public class Timeline {

    public static final int PAGE = 20;

    private final FollowUps followUps;
    private final TaskRepository tasks;
    private final ReadableHistory history;

    Timeline(FollowUps followUps, TaskRepository tasks, ReadableHistory history) {
        this.followUps = followUps;
        this.tasks = tasks;
        this.history = history;
    }

    /** One entry: a follow-up with its comments and files, a task, or a history entry. */
    public sealed interface Entry {
        OffsetDateTime at();

        /** Follow-ups before tasks before history entries at the same moment. */
        int rank();

        long id();

        default Cursor cursor() {
            return new Cursor(at(), rank(), id());
        }
    }

    public record FollowUpEntry(FollowUp followUp, List<FollowUpComment> comments, List<StoredFile> files) implements Entry {

        public FollowUpEntry {
            files = List.copyOf(files);
        }

        public OffsetDateTime at() {
            return followUp.at();
        }

        public int rank() {
            return 2;
        }

        public long id() {
            return followUp.id();
        }
    }

    public record TaskEntry(Task task) implements Entry {
        public OffsetDateTime at() {
            return task.createdAt();
        }

        public int rank() {
            return 1;
        }

        public long id() {
            return task.id();
        }
    }

    public record HistoryEntry(ReadableHistory.Entry entry) implements Entry {
        public OffsetDateTime at() {
            return entry.at();
        }

        public int rank() {
            return 0;
        }

        public long id() {
            return entry.id();
        }
    }

    /**
     * Where a page ended: entries are ordered by (moment, rank, id), newest first, and the next page
     * holds those below this one. Written into "load more" links as {@code epochMicros.rank.id}.
     */
    public record Cursor(OffsetDateTime at, int rank, long id) {

        public static final Cursor START = new Cursor(OffsetDateTime.parse("9999-12-31T00:00:00Z"), Integer.MAX_VALUE, Long.MAX_VALUE);

        /** The id bound for a source of the given rank, to ask it for (moment, id) below (at, bound). */
        long idBoundFor(int sourceRank) {
            return sourceRank < rank ? Long.MAX_VALUE : sourceRank == rank ? id : Long.MIN_VALUE;
        }

        public String encode() {
            var instant = at.toInstant();
            long micros = instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
            return micros + "." + rank + "." + id;
        }

        /** The cursor a link carries; the start for anything else. */
        public static Cursor decode(String text) {
            if (text == null || !text.matches("-?\\d{1,19}\\.\\d\\.-?\\d{1,19}")) {
                return START;
            }
            String[] parts = text.split("\\.");
            long micros = Long.parseLong(parts[0]);
            var instant = java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000);
            return new Cursor(instant.atOffset(java.time.ZoneOffset.UTC), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        }
    }

    /** A page of entries and the cursor of the next page (null when this is the last). */
    public record Page(List<Entry> entries, Cursor next) {
    }

    /** The entries below the cursor; not found when the actor may not read the record. */
    public Page page(long actorId, String objectCode, long recordId, Cursor cursor, Messages msg, ZoneId zone) {
        List<FollowUp> written = followUps.of(actorId, objectCode, recordId, cursor.at(), cursor.idBoundFor(2), PAGE + 1);
        Map<Long, List<FollowUpComment>> comments = followUps.commentsOf(written);
        Map<Long, List<StoredFile>> files = followUps.filesOf(written);
        List<Entry> all = new ArrayList<>();
        written.forEach(f -> all.add(new FollowUpEntry(f, comments.getOrDefault(f.id(), List.of()), files.getOrDefault(f.id(), List.of()))));
        tasks.ofRecordBefore(objectCode, recordId, cursor.at(), cursor.idBoundFor(1), PAGE + 1)
                .forEach(t -> all.add(new TaskEntry(t)));
        history.before(actorId, objectCode, recordId, cursor.at(), cursor.idBoundFor(0), PAGE + 1, msg, zone)
                .forEach(h -> all.add(new HistoryEntry(h)));
        all.sort(Comparator.comparing((Entry e) -> e.at().toInstant()).thenComparingInt(Entry::rank).thenComparingLong(Entry::id).reversed());
        if (all.size() <= PAGE) {
            return new Page(List.copyOf(all), null);
        }
        List<Entry> shown = List.copyOf(all.subList(0, PAGE));
        return new Page(shown, shown.getLast().cursor());
    }
}
