package io.haina.crm.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.haina.crm.platform.web.InvalidInputException;

/**
 * The files of a submitted form, kept as the actor's uploads one by one: those refused are said at
 * the form's field, the others kept, so that a form sent back for a correction still holds them and
 * the user does not pick them again.
 */
@Component
public class FileUploads {

    private final StoredFiles files;

    FileUploads(StoredFiles files) {
        this.files = files;
    }

    /** What was kept, and why the rest was not. */
    public record Kept(List<StoredFile> files, List<InvalidInputException.FieldProblem> problems) {

        public List<Long> ids() {
            return files.stream().map(StoredFile::id).toList();
        }
    }

    /** Whether a file was chosen: a file input left empty sends a part without a name, which is no file. */
    public static boolean chosen(MultipartFile upload) {
        return upload != null && !(upload.isEmpty() && (upload.getOriginalFilename() == null || upload.getOriginalFilename().isBlank()));
    }

    /** Keeps the {@link #chosen} files. */
    public Kept keep(long actorId, String field, Collection<MultipartFile> uploads) {
        List<StoredFile> kept = new ArrayList<>();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
            if (!chosen(upload)) {
                continue;
            }
            try {
                kept.add(files.upload(actorId, field, upload.getOriginalFilename(), upload.getBytes()));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Kept(List.copyOf(kept), List.copyOf(problems));
    }
}
