package io.haina.crm.platform.records.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.haina.crm.platform.web.InvalidInputException;

/**
 * Reads filter text such as {@code category in ('software', 'service') and (list_price > 100 or
 * name contains '海纳')}. Grammar, keywords in any case:
 * <pre>
 * filter     = or
 * or         = and { "or" and }
 * and        = unary { "and" unary }
 * unary      = "not" unary | "(" or ")" | comparison
 * comparison = field ( op value | ("in" | "notin") "(" value { "," value } ")"
 *                    | "between" value "and" value | "empty" | "notempty" | "during" period )
 * op         = eq | ne | gt | ge | lt | le | = | != | &lt;&gt; | &gt; | &gt;= | &lt; | &lt;= | contains | notcontains | startswith
 * value      = 'text' | "text" | a word without blanks, brackets, commas or quotes
 * </pre>
 * Whether a field has an operator, and whether a value fits the field, is checked later against
 * the object; here only the shape. A mistake is refused with the position where reading stopped.
 */
public final class FilterParser {

    /** Longer filters are not something people write; refusing them bounds the work per request. */
    public static final int MAX_LENGTH = 4000;
    private static final int MAX_DEPTH = 20;

    private final List<Token> tokens;
    private final String text;
    private int next;
    private int depth;

    private FilterParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** The filter, or null for blank text. */
    public static Filter parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            throw InvalidInputException.of("filter", "filter.error.too-long", MAX_LENGTH);
        }
        FilterParser parser = new FilterParser(text);
        Filter filter = parser.or();
        if (parser.next < parser.tokens.size()) {
            throw parser.unexpected();
        }
        return filter;
    }

    private Filter or() {
        List<Filter> parts = new ArrayList<>(List.of(and()));
        while (acceptKeyword("or")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.getFirst() : new Filter.Any(parts);
    }

    private Filter and() {
        List<Filter> parts = new ArrayList<>(List.of(unary()));
        while (acceptKeyword("and")) {
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.getFirst() : new Filter.All(parts);
    }

    private Filter unary() {
        if (++depth > MAX_DEPTH) {
            throw InvalidInputException.of("filter", "filter.error.too-deep", MAX_DEPTH);
        }
        try {
            if (acceptKeyword("not")) {
                return new Filter.Not(unary());
            }
            if (accept(Kind.OPEN)) {
                Filter inner = or();
                expect(Kind.CLOSE);
                return inner;
            }
            return comparison();
        } finally {
            depth--;
        }
    }

    private Filter comparison() {
        Token field = expect(Kind.WORD);
        if (!field.text().matches("[a-z][a-z0-9_]{0,62}")) {
            throw InvalidInputException.of("filter", "filter.error.field-name", field.text());
        }
        Token opToken = peek();
        Operator op = opToken == null || opToken.kind() == Kind.STRING ? null : Operator.of(opToken.text()).orElse(null);
        if (op == null) {
            throw opToken == null ? endedEarly() : InvalidInputException.of("filter", "filter.error.operator",
                    opToken.text(), opToken.position() + 1);
        }
        next++;
        List<String> values = switch (op.arity()) {
            case NONE -> List.of();
            case ONE -> List.of(value());
            case TWO -> {
                String from = value();
                if (!acceptKeyword("and")) {
                    throw peek() == null ? endedEarly() : unexpected();
                }
                yield List.of(from, value());
            }
            case LIST -> {
                expect(Kind.OPEN);
                List<String> list = new ArrayList<>(List.of(value()));
                while (accept(Kind.COMMA)) {
                    list.add(value());
                }
                expect(Kind.CLOSE);
                yield list;
            }
        };
        return new Filter.Comparison(field.text(), op, values);
    }

    private String value() {
        Token token = peek();
        if (token == null) {
            throw endedEarly();
        }
        if (token.kind() != Kind.WORD && token.kind() != Kind.STRING) {
            throw unexpected();
        }
        next++;
        return token.text();
    }

    private boolean acceptKeyword(String keyword) {
        Token token = peek();
        if (token != null && token.kind() == Kind.WORD && token.text().toLowerCase(Locale.ROOT).equals(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean accept(Kind kind) {
        Token token = peek();
        if (token != null && token.kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private Token expect(Kind kind) {
        Token token = peek();
        if (token == null) {
            throw endedEarly();
        }
        if (token.kind() != kind) {
            throw unexpected();
        }
        next++;
        return token;
    }

    private Token peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private InvalidInputException unexpected() {
        Token token = tokens.get(next);
        return InvalidInputException.of("filter", "filter.error.unexpected", token.text(), token.position() + 1);
    }

    private InvalidInputException endedEarly() {
        return InvalidInputException.of("filter", "filter.error.ended-early", text.strip());
    }

    private enum Kind { WORD, STRING, OPEN, CLOSE, COMMA }

    private record Token(Kind kind, String text, int position) {
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), i));
                i++;
            } else if (c == '\'' || c == '"') {
                i = quoted(text, i, tokens);
            } else if ("=!<>".indexOf(c) >= 0) {
                int end = i + 1;
                while (end < text.length() && "=!<>".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                String symbol = text.substring(i, end);
                tokens.add(new Token(Kind.WORD, symbol.equals("<>") ? "!=" : symbol, i));
                i = end;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                        && "(),'\"=!<>".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(i, end), i));
                i = end;
            }
        }
        return tokens;
    }

    /** A quoted value; the quote character doubled inside stands for itself. Returns where reading goes on. */
    private static int quoted(String text, int start, List<Token> tokens) {
        char quote = text.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start));
                return i + 1;
            }
            value.append(c);
            i++;
        }
        throw InvalidInputException.of("filter", "filter.error.unclosed-quote", start + 1);
    }
}
