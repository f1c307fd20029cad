/**
 * Notifications (A12): other modules tell one user about something — a lead assigned to them, a
 * task due, a customer about to return to the pool — with {@link io.haina.crm.platform.notify.Notifications#send}.
 * The notice is stored in the sender's transaction; after it commits, the recipient's open pages
 * see it at once (a bell with the unread count, kept live by Server-Sent Events) and, if the
 * sender asked and the recipient agrees, it is e-mailed through an outbox that retries until SMTP
 * answers. Texts are message keys, rendered in the reader's language when shown.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package io.haina.crm.platform.notify;
