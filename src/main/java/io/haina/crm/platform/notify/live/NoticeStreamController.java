package io.haina.crm.platform.notify.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.haina.crm.platform.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /notifications/stream}: the signed-in user's unread count as Server-Sent Events, for
 * the bell of an open page. Only ever the user's own: the stream is chosen by the session, never
 * by a parameter.
 */
@RestController
class NoticeStreamController {

    static final String STREAM = "/notifications/stream";

    private final LiveNotices live;
    private final CurrentUsers users;

    NoticeStreamController(LiveNotices live, CurrentUsers users) {
        this.live = live;
        this.users = users;
    }

    @GetMapping(path = STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(HttpServletResponse response) {
        // nginx would otherwise hold the events back in its buffer.
        response.setHeader("X-Accel-Buffering", "no");
        return live.open(users.require().id());
    }
}
