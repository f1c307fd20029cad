/**
 * Files (附件): what users attach to records and follow-ups. An upload is checked — its name made
 * safe, its type read from its bytes rather than taken from the uploader's word, programs and web
 * pages refused, its size within {@code haina.files.max-size} — and kept as an upload only its
 * uploader reaches until something saves it. Saving a record or a follow-up attaches it; from then
 * on it is read by whoever may read what it is attached to, as that module decides through a
 * {@link io.haina.crm.platform.files.FileHolderAccess}; anyone else, and any guessed id, meets "not
 * found". Uploads nobody saved are deleted after a day. Downloads always come as attachments
 * ({@code Content-Disposition: attachment}, with {@code nosniff} and a sandboxing policy), never shown
 * inline by the browser.
 *
 * <p>The bytes are kept in PostgreSQL ({@code bytea}), not as files under {@code HAINA_DATA_DIR}:
 * <ul>
 * <li>a record and the files it claims are written in one transaction: a failed save leaves no
 * attached file behind and no file on disk without its row, nothing to reconcile after a crash;</li>
 * <li>several app instances behind a load balancer (the design's way to scale) all serve every file
 * without a shared file system, and a SaaS schema per tenant carries its tenant's files along;</li>
 * <li>one backup — {@code pg_dump} or the data folder of the embedded database — holds the records
 * and their files at the same moment; a file store beside the database would need a second backup
 * taken in step with it;</li>
 * <li>files are small in a CRM (contracts, quotes, photos of a visit: the limit is 20 MB by default),
 * where PostgreSQL serves them well. The column's storage is {@code external}: not compressed again
 * (most uploads are compressed already), and read by range, so that a download streams in chunks
 * instead of holding the whole file in memory.</li>
 * </ul>
 * A company storing many gigabytes of files would move the bytes to an object store behind
 * {@link io.haina.crm.platform.files.StoredFiles}; nothing outside this module reads the column.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files")
package io.haina.crm.platform.files;
