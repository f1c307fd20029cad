package io.haina.crm.platform.activity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a follow-up reached the customer: 电话, 拜访, 邮件, 微信, 会议. */
public enum FollowUpKind {
    CALL("telephone"), VISIT("geo-alt"), EMAIL("envelope"), WECHAT("wechat"), MEETING("people");

    private final String icon;

    FollowUpKind(String icon) {
        this.icon = icon;
    }

    /** As stored and as forms and the API name it: {@code call}, {@code wechat}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "follow-up.kind." + code();
    }

    /** Bootstrap Icons name. */
    public String icon() {
        return icon;
    }

    public static Optional<FollowUpKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
