package io.haina.crm.platform.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a record of an object is laid out on its detail page and form: the key fields its header
 * shows next to the name ("highlights"), and the titled sections its fields are grouped in. Both
 * name fields; a field in no section (custom fields added at run time, for one) goes to a last
 * "additional" section. Declared in Java with the object, e.g.
 * {@code RecordLayout.highlighting("code", "list_price").section("product.section.pricing", "list_price", "cost")}.
 *
 * @param highlights the fields of the header strip, in order, at most {@link #MAX_HIGHLIGHTS}
 * @param sections   the sections in order; within one, fields keep the object's order (which administrators may change)
 */
public record RecordLayout(List<String> highlights, List<Section> sections) {

    /** More than this crowds the header strip; a phone shows them two by two. */
    public static final int MAX_HIGHLIGHTS = 6;

    /** No declared layout: the header shows the first default list columns, the fields one untitled section. */
    public static final RecordLayout NONE = new RecordLayout(List.of(), List.of());

    /** A titled group of fields. */
    public record Section(String labelKey, List<String> fields) {
        public Section {
            fields = List.copyOf(fields);
        }
    }

    public RecordLayout {
        highlights = List.copyOf(highlights);
        sections = List.copyOf(sections);
        if (highlights.size() > MAX_HIGHLIGHTS) {
            throw new IllegalArgumentException("at most " + MAX_HIGHLIGHTS + " highlights: " + highlights);
        }
    }

    public static RecordLayout highlighting(String... fields) {
        return new RecordLayout(List.of(fields), List.of());
    }

    /** This layout with one more section after the others. */
    public RecordLayout section(String labelKey, String... fields) {
        List<Section> more = new ArrayList<>(sections);
        more.add(new Section(labelKey, Arrays.asList(fields)));
        return new RecordLayout(highlights, more);
    }

    /** Fails on a name that is not one of the object's fields, or a field placed in two sections. */
    void check(String objectCode, Set<String> fieldNames) {
        Set<String> placed = new HashSet<>();
        for (String name : highlights) {
            requireField(objectCode, fieldNames, name, "highlight");
        }
        for (Section section : sections) {
            for (String name : section.fields()) {
                requireField(objectCode, fieldNames, name, "section " + section.labelKey());
                if (!placed.add(name)) {
                    throw new IllegalArgumentException(objectCode + ": field " + name + " is in two sections");
                }
            }
        }
    }

    /**
     * The same layout over fewer fields: those an administrator or a field permission took away
     * simply drop out of the header and their section; a section left empty disappears.
     */
    RecordLayout keeping(Set<String> fieldNames) {
        List<Section> kept = new ArrayList<>();
        for (Section section : sections) {
            List<String> fields = section.fields().stream().filter(fieldNames::contains).toList();
            if (!fields.isEmpty()) {
                kept.add(new Section(section.labelKey(), fields));
            }
        }
        return new RecordLayout(highlights.stream().filter(fieldNames::contains).toList(), kept);
    }

    private static void requireField(String objectCode, Set<String> fieldNames, String name, String where) {
        if (!fieldNames.contains(name)) {
            throw new IllegalArgumentException(objectCode + ": " + where + " names " + name + ", which is not a field");
        }
    }
}
