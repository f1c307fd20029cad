package io.haina.crm.platform.records.filter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.haina.crm.platform.metadata.FieldType;

/** What a comparison asks of a field. Each has a word for the filter text and, for some, a symbol. */
public enum Operator {
    EQ("eq", "=", Arity.ONE),
    NE("ne", "!=", Arity.ONE),
    GT("gt", ">", Arity.ONE),
    GE("ge", ">=", Arity.ONE),
    LT("lt", "<", Arity.ONE),
    LE("le", "<=", Arity.ONE),
    CONTAINS("contains", null, Arity.ONE),
    NOT_CONTAINS("notcontains", null, Arity.ONE),
    STARTS_WITH("startswith", null, Arity.ONE),
    IN("in", null, Arity.LIST),
    NOT_IN("notin", null, Arity.LIST),
    BETWEEN("between", null, Arity.TWO),
    EMPTY("empty", null, Arity.NONE),
    NOT_EMPTY("notempty", null, Arity.NONE),
    /** A date or moment inside a period relative to today, such as {@code this_month} or {@code last_7_days}. */
    DURING("during", null, Arity.ONE);

    public enum Arity { NONE, ONE, TWO, LIST }

    private final String word;
    private final String symbol;
    private final Arity arity;

    Operator(String word, String symbol, Arity arity) {
        this.word = word;
        this.symbol = symbol;
        this.arity = arity;
    }

    public String word() {
        return word;
    }

    public Arity arity() {
        return arity;
    }

    /** Message key of the operator's name in the filter builder. */
    public String labelKey() {
        return "filter.op." + word;
    }

    static Optional<Operator> of(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(op -> op.word.equals(lower) || token.equals(op.symbol)).findFirst();
    }

    public static Optional<Operator> byWord(String word) {
        return Arrays.stream(values()).filter(op -> op.word.equals(word)).findFirst();
    }

    /** The operators a field of this type offers, in the order the filter builder lists them. */
    public static List<Operator> forType(FieldType type) {
        return switch (type) {
            case FieldType.Text x -> TEXT;
            case FieldType.LongText x -> List.of(CONTAINS, NOT_CONTAINS, EMPTY, NOT_EMPTY);
            case FieldType.Email x -> TEXT;
            case FieldType.Phone x -> TEXT;
            case FieldType.Url x -> TEXT;
            case FieldType.AutoNumber x -> TEXT;
            case FieldType.Decimal x -> NUMBER;
            case FieldType.Money x -> NUMBER;
            case FieldType.Percent x -> NUMBER;
            case FieldType.Date x -> DATE;
            case FieldType.DateTime x -> DATE;
            case FieldType.Checkbox x -> List.of(EQ, NE);
            case FieldType.Picklist x -> CHOICE;
            case FieldType.Lookup x -> CHOICE;
            case FieldType.UserRef x -> CHOICE;
            case FieldType.DepartmentRef x -> CHOICE;
            case FieldType.MultiPicklist x -> List.of(CONTAINS, NOT_CONTAINS, IN, EMPTY, NOT_EMPTY);
            case FieldType.Region x -> List.of(CONTAINS, EMPTY, NOT_EMPTY);
            case FieldType.Attachment x -> List.of(EMPTY, NOT_EMPTY);
        };
    }

    private static final List<Operator> TEXT = List.of(CONTAINS, EQ, NE, NOT_CONTAINS, STARTS_WITH, IN, NOT_IN,
            EMPTY, NOT_EMPTY);
    private static final List<Operator> NUMBER = List.of(EQ, NE, GT, GE, LT, LE, BETWEEN, IN, NOT_IN, EMPTY, NOT_EMPTY);
    private static final List<Operator> DATE = List.of(DURING, EQ, NE, GT, GE, LT,
            LE, BETWEEN, EMPTY, NOT_EMPTY);
    private static final List<Operator> CHOICE = List.of(EQ, NE, IN, NOT_IN, EMPTY, NOT_EMPTY);
}
