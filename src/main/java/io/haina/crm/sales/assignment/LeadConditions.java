package io.haina.crm.sales.assignment;

import java.util.Collection;
import java.util.List;

import io.haina.crm.platform.records.RecordData;

/**
 * Which new leads a rule takes: each list narrows by one of the lead's fields (region, industry,
 * company size, source) or the web form it came through; an empty list does not narrow, so a
 * rule without conditions takes every lead that reaches it.
 *
 * @param regions      places or areas, as {@link Regions} reads them (上海, 江苏省, 华东)
 * @param industries   codes of the lead's industry picklist
 * @param companySizes codes of the lead's company size picklist
 * @param sources      codes of the lead's source picklist
 * @param webFormIds   web forms; a lead typed in, imported or posted to the API meets none
 */
public record LeadConditions(List<String> regions, List<String> industries, List<String> companySizes,
                             List<String> sources, List<Long> webFormIds) {

    public static final LeadConditions ANY = new LeadConditions(List.of(), List.of(), List.of(), List.of(), List.of());

    public LeadConditions {
        regions = List.copyOf(regions);
        industries = List.copyOf(industries);
        companySizes = List.copyOf(companySizes);
        sources = List.copyOf(sources);
        webFormIds = List.copyOf(webFormIds);
    }

    /** Whether the lead (and the form it came through, if any) meets every condition. */
    public boolean matches(RecordData lead, Long webFormId) {
        return (regions.isEmpty() || Regions.matches(regions, placesOf(lead.get("region"))))
                && oneOf(industries, lead.get("industry"))
                && oneOf(companySizes, lead.get("company_size"))
                && oneOf(sources, lead.get("source"))
                && (webFormIds.isEmpty() || webFormId != null && webFormIds.contains(webFormId));
    }

    public boolean any() {
        return regions.isEmpty() && industries.isEmpty() && companySizes.isEmpty() && sources.isEmpty()
                && webFormIds.isEmpty();
    }

    private static boolean oneOf(List<String> wanted, Object value) {
        return wanted.isEmpty() || value != null && wanted.contains(value.toString());
    }

    /** A region field holds its levels as a list (province, city, district). */
    private static List<String> placesOf(Object region) {
        if (region instanceof Collection<?> parts) {
            return parts.stream().map(String::valueOf).toList();
        }
        return region == null ? List.of() : List.of(region.toString());
    }
}
