package io.haina.crm.marketing.webform;

import java.util.List;

import org.springframework.context.ApplicationContext;

/**
 * Web forms for tests of other packages (lead assignment), made through the designer as an
 * administrator makes them: asks name, company, mobile and region.
 */
public final class TestWebForms {

    private TestWebForms() {
    }

    /** A published form recording {@code source} on its leads, owned by {@code ownerId}. */
    public static WebForm create(ApplicationContext context, long adminId, String name, String source, long ownerId) {
        long id = context.getBean(WebFormDesigner.class).create(adminId, new WebFormDraft(name, "zh-CN", "预约演示",
                "感谢您的关注，我们会尽快联系您。", source, ownerId, true, List.of(new WebFormField("name", null, true),
                new WebFormField("company", null, true), new WebFormField("mobile", null, false),
                new WebFormField("region", null, false))));
        return context.getBean(WebFormRepository.class).find(id).orElseThrow();
    }
}
