package io.haina.crm.platform.activity;

import java.util.List;

/**
 * A follow-up as typed (a form, a JSON body), before it is checked: times as {@code 2026-11-23T14:30}
 * in the writer's time zone or with an offset; a blank time means "now" for {@code at} and
 * "none" for {@code nextAt}. {@code fileIds} are the writer's uploads to attach (null: none on a
 * new follow-up, the files it has on an edit).
 */
public record FollowUpDraft(String kind, String content, List<String> contactIds, String at, String nextAt,
                            List<String> fileIds) {

    public FollowUpDraft {
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
        fileIds = fileIds == null ? null : List.copyOf(fileIds);
    }

    /** A follow-up without files. */
    public FollowUpDraft(String kind, String content, List<String> contactIds, String at, String nextAt) {
        this(kind, content, contactIds, at, nextAt, null);
    }
}
