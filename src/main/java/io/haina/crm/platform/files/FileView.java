package io.haina.crm.platform.files;

/** A file as the REST API writes it: what a client shows, and where it downloads the bytes with its token. */
public record FileView(long id, String name, long size, String contentType, String url) {

    public static FileView of(StoredFile file) {
        return new FileView(file.id(), file.name(), file.size(), file.contentType(), "/api/v1/files/" + file.id() + "/content");
    }
}
