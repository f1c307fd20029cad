package io.haina.crm.sales;

import java.util.Arrays;
import java.util.List;

import io.haina.crm.platform.metadata.PicklistOption;

/**
 * Choices leads and customers share, so that a converted lead keeps its industry, size and
 * source as they are. Administrators relabel, reorder and extend them per object.
 */
public final class SalesPicklists {

    private SalesPicklists() {
    }

    public static List<PicklistOption> industries() {
        return options("industry.", "it", "manufacturing", "finance", "education", "healthcare", "retail", "real-estate",
                "energy", "logistics", "government", "professional-services", "other");
    }

    /** Where a lead or customer came from (L1). */
    public static List<PicklistOption> sources() {
        return options("source.", "website", "exhibition", "referral", "new-media", "advertising", "purchased-list",
                "cold-call", "other");
    }

    /** Head count bands. */
    public static List<PicklistOption> companySizes() {
        return options("company-size.", "1-20", "21-100", "101-500", "501-1000", "1000-plus");
    }

    /**
     * Options whose codes are the stored values (dashes as typed here become underscores, the code
     * form) and whose labels are {@code <labelPrefix><code>} in the bundles, e.g. prefix
     * {@code "customer.kind."} and code {@code company}. Every object's labels are checked to exist
     * in both languages by {@code ObjectLabelsIntegrationTest}.
     */
    public static List<PicklistOption> options(String labelPrefix, String... codes) {
        return Arrays.stream(codes).map(code -> PicklistOption.of(code.replace('-', '_'), labelPrefix + code)).toList();
    }
}
