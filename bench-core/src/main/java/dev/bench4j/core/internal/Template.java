package dev.bench4j.core.internal;

import dev.bench4j.core.json.JsonValues;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed {@code {{variable}}} template: literal text and variable references, rendered without
 * re-parsing. A variable name is letters, digits, {@code _}, {@code -} and {@code .}, optionally
 * surrounded by spaces inside the braces; anything else between braces stays literal text.
 */
public final class Template {

    private final String source;
    private final String[] literals;   // literals[i] precedes names[i]; literals has names.length + 1 entries
    private final String[] names;

    private Template(String source, List<String> literals, List<String> names) {
        this.source = source;
        this.literals = literals.toArray(new String[0]);
        this.names = names.toArray(new String[0]);
    }

    /**
     * Parses a template.
     *
     * @param source the template text
     * @return the template
     */
    public static Template parse(String source) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int n = source.length();
        while (i < n) {
            int open = source.indexOf("{{", i);
            if (open < 0) {
                literal.append(source, i, n);
                break;
            }
            int close = source.indexOf("}}", open + 2);
            if (close < 0) {
                literal.append(source, i, n);
                break;
            }
            String name = source.substring(open + 2, close).trim();
            if (isName(name)) {
                literal.append(source, i, open);
                literals.add(literal.toString());
                literal.setLength(0);
                names.add(name);
                i = close + 2;
            } else {
                literal.append(source, i, open + 2);
                i = open + 2;
            }
        }
        literals.add(literal.toString());
        return new Template(source, literals, names);
    }

    private static boolean isName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the variable names, in order of first use.
     *
     * @return the names
     */
    public Set<String> variables() {
        return new LinkedHashSet<>(List.of(names));
    }

    /**
     * Returns whether the template has no variables.
     *
     * @return true if rendering gives the source unchanged
     */
    public boolean isConstant() {
        return names.length == 0;
    }

    /**
     * Renders the template with the given variables.
     *
     * @param vars the variables; every name must be present
     * @param missing builds the exception for a missing variable from its name
     * @return the rendered text
     */
    public String render(Map<String, Object> vars, Function<String, RuntimeException> missing) {
        if (names.length == 0) {
            return source;
        }
        StringBuilder sb = new StringBuilder(source.length() + 64);
        for (int k = 0; k < names.length; k++) {
            sb.append(literals[k]);
            Object value = vars.get(names[k]);
            if (value == null) {
                throw missing.apply(names[k]);
            }
            sb.append(renderValue(value));
        }
        sb.append(literals[names.length]);
        return sb.toString();
    }

    /**
     * Returns the source text.
     *
     * @return the template as written
     */
    public String source() {
        return source;
    }

    /** Renders a variable's value into a template: a string as it is, anything else as JSON. */
    static String renderValue(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long || value instanceof Boolean || value instanceof BigInteger) {
            return value.toString();
        }
        return JsonValues.toJson(value);
    }
}
