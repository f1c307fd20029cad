package io.haina.crm.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class NoticeTest {

    static final NoticeKind KIND = NoticeKind.of("POOL_RETURN_WARNING");

    @Test
    void aNoticeIsBuiltStepByStep() {
        Notice notice = Notice.to(7, KIND).message("pool.notice.returning", "华为", 3, null).link("/o/customer/5?tab=team")
                .alsoByEmail();

        assertThat(notice).isEqualTo(new Notice(7, KIND, "pool.notice.returning", List.of("华为", "3", ""),
                "/o/customer/5?tab=team", true));
        assertThat(Notice.to(7, KIND).email()).isFalse();
    }

    @Test
    void aLinkStaysInsideHaina() {
        for (String outside : List.of("https://evil.example.com", "//evil.example.com", "/\\evil.example.com",
                "evil", "/o/lead/1\r\nSet-Cookie: x", "javascript:alert(1)", "/" + "a".repeat(Notice.MAX_LINK_LENGTH))) {
            assertThatThrownBy(() -> Notice.to(7, KIND).link(outside)).as(outside).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Notice.to(7, KIND).link("/").link()).isEqualTo("/");
        assertThat(Notice.to(7, KIND).link("/o/lead/42#history").link()).isEqualTo("/o/lead/42#history");
    }

    @Test
    void aKindIsAnUpperCaseCode() {
        assertThat(NoticeKind.of("TASK_DUE").code()).isEqualTo("TASK_DUE");
        for (String wrong : List.of("", "task_due", "1TASK", "TASK-DUE", "A".repeat(65))) {
            assertThatThrownBy(() -> NoticeKind.of(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Notice.to(7, KIND).message(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
