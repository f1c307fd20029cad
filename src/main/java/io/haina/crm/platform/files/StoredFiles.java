package io.haina.crm.platform.files;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import io.haina.crm.platform.web.InvalidInputException;
import io.haina.crm.platform.web.NotFoundException;

/**
 * Keeps uploads, attaches them to what saves them, and hands them out to those who may read what
 * they are attached to (see the package description). Callers that attach — the record engine,
 * follow-ups — first ask {@link #refused} and say so at their own field, then {@link #attach} in
 * the transaction that saves their thing.
 */
@Service
@Transactional
public class StoredFiles {

    /** How long an upload nobody attached is kept: long enough to finish a form after lunch. */
    public static final Duration UNATTACHED_KEPT = Duration.ofDays(1);
    /** A download is read from the database in parts of this size. */
    static final int CHUNK = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(StoredFiles.class);

    private final FileRepository files;
    private final ObjectProvider<FileHolderAccess> holders;
    private final Clock clock;
    private final long maxBytes;

    StoredFiles(FileRepository files, ObjectProvider<FileHolderAccess> holders, Clock clock,
                @Value("${haina.files.max-size:20MB}") DataSize maxSize) {
        this.files = files;
        this.holders = holders;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    /** The most one file may have, in bytes ({@code haina.files.max-size}). */
    public long maxBytes() {
        return maxBytes;
    }

    /** That limit as people read it: "20 MB". */
    public String maxSizeText() {
        return StoredFile.sizeText(maxBytes);
    }

    /**
     * Keeps an upload of the actor's, attached to nothing yet. Refused, with a message naming the file
     * at {@code field}: an empty file, one over the size limit, a program or a web page.
     */
    public StoredFile upload(long actorId, String field, String uploadedName, byte[] bytes) {
        String name = FileNames.safe(uploadedName);
        if (bytes.length == 0) {
            throw InvalidInputException.of(field, "file.error.empty", name);
        }
        if (bytes.length > maxBytes) {
            throw InvalidInputException.of(field, "file.error.too-large", name, maxSizeText());
        }
        if (!(FileTypes.of(name, bytes) instanceof FileTypes.Accepted(String contentType))) {
            throw InvalidInputException.of(field, "file.error.blocked", name);
        }
        long id = files.insert(name, contentType, bytes, sha256(bytes), actorId, now());
        return files.find(id).orElseThrow();
    }

    /**
     * The file, when the actor may read it: their own upload not attached yet, or a file whose holder
     * they may read (its module says). Anything else — another's upload, a file of a record out of
     * their reach, a removed file, an id that never was — is "not found", all alike.
     */
    @Transactional(readOnly = true)
    public StoredFile readable(long actorId, long id) {
        return files.find(id).filter(file -> !file.removed()).filter(file -> mayRead(actorId, file))
                .orElseThrow(() -> new NotFoundException("file " + id));
    }

    private boolean mayRead(long actorId, StoredFile file) {
        if (file.holder() == null) {
            return file.createdBy() == actorId;
        }
        return holders.stream().filter(access -> access.kind().equals(file.holder().kind())).findFirst()
                .map(access -> access.mayRead(actorId, file.holder())).orElse(false);
    }

    /**
     * Writes the bytes of a file {@link #readable} returned, a part at a time: no connection is held
     * while the client reads, and no more than a part is in memory.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void copy(StoredFile file, OutputStream out) throws IOException {
        for (long from = 0; from < file.size(); from += CHUNK) {
            byte[] part = files.chunk(file.id(), from, CHUNK);
            if (part == null) {
                throw new NotFoundException("file " + file.id() + " was removed while it was read");
            }
            out.write(part);
        }
    }

    /**
     * The files of these ids, in their order (removed ones too, named for the history), for callers
     * that know the reader may read what holds them. Unknown ids are left out.
     */
    @Transactional(readOnly = true)
    public List<StoredFile> describe(Collection<Long> ids) {
        Map<Long, StoredFile> byId = files.find(new LinkedHashSet<>(ids)).stream()
                .collect(Collectors.toMap(StoredFile::id, Function.identity()));
        return new LinkedHashSet<>(ids).stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The files the holders of one kind hold now (not removed), by holder id, oldest first. */
    @Transactional(readOnly = true)
    public Map<Long, List<StoredFile>> heldBy(String kind, Collection<Long> holderIds) {
        Map<Long, List<StoredFile>> held = new LinkedHashMap<>();
        files.heldBy(kind, new LinkedHashSet<>(holderIds)).forEach(file ->
                held.computeIfAbsent(file.holder().id(), k -> new java.util.ArrayList<>()).add(file));
        return held;
    }

    /**
     * The ids the actor may not attach to the holder: neither held by it already nor their own upload
     * attached to nothing (a colleague's upload, another record's file, a guessed id). The actor's
     * uploads among them stay locked until the transaction ends, so that no other save takes them
     * meanwhile. {@code holder} is null for a thing not saved yet.
     */
    public Set<Long> refused(long actorId, FileHolder holder, Collection<Long> ids) {
        Set<Long> wanted = new LinkedHashSet<>(ids);
        if (holder != null) {
            files.find(wanted).stream().filter(f -> !f.removed() && holder.sameThing(f.holder()))
                    .forEach(f -> wanted.remove(f.id()));
        }
        wanted.removeAll(files.unattachedOf(actorId, wanted));
        return wanted;
    }

    /**
     * Attaches the files to the holder: the actor's uploads, or files the same thing held in another
     * field. Anything else refuses the whole save (the caller checked with {@link #refused} first;
     * this is the last word when two saves raced for one upload).
     */
    public void attach(long actorId, FileHolder holder, Collection<Long> ids, String inputField) {
        Set<Long> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty()) {
            return;
        }
        List<StoredFile> ours = files.find(wanted).stream().filter(f -> !f.removed() && holder.sameThing(f.holder())).toList();
        List<Long> otherField = ours.stream().filter(f -> !Objects.equals(f.holder().field(), holder.field())).map(StoredFile::id).toList();
        if (!otherField.isEmpty()) {
            files.reattach(holder, holder, otherField);
        }
        ours.forEach(f -> wanted.remove(f.id()));
        if (!wanted.isEmpty() && files.attach(actorId, holder, wanted, now()) != wanted.size()) {
            throw InvalidInputException.of(inputField, "file.error.not-yours");
        }
    }

    /** Moves files from one thing to another (a merged record's files to the record it went into). */
    public void move(FileHolder from, FileHolder to, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            files.reattach(from, to, ids);
        }
    }

    /** Removes files from their holder: their bytes go, their names stay for the history. */
    public void remove(FileHolder holder, Collection<Long> ids) {
        files.remove(holder, List.copyOf(ids), now());
    }

    /** Removes every file of the holder (a deleted follow-up's). */
    public void removeAll(FileHolder holder) {
        files.remove(holder, null, now());
    }

    /** Deletes uploads nobody attached within {@link #UNATTACHED_KEPT}; how many. */
    public int cleanUp() {
        int deleted = files.deleteUnattachedBefore(now().minus(UNATTACHED_KEPT));
        if (deleted > 0) {
            log.info("Deleted {} uploads nobody attached within {}", deleted, UNATTACHED_KEPT);
        }
        return deleted;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
