package io.haina.crm.platform.notify.mail;

/** A notice's e-mail, written for its recipient: subject, plain text and the same as simple HTML. */
record NoticeMail(String subject, String text, String html) {
}
