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
        Finder closes = new Finder(source, "}}");
        int i = 0;
        int n = source.length();
        while (i < n) {
            int open = source.indexOf("{{", i);
            if (open < 0) {
                literal.append(source, i, n);
                break;
            }
            int close = closes.from(open + 2);
            if (close < 0) {
                literal.append(source, i, n);
                break;
            }
            String name = close - open - 2 > MAX_INSIDE ? "" : source.substring(open + 2, close).trim();
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

    /**
     * A spot in a template's text that is not what its author meant, for a message.
     *
     * @param text the placeholder as written, shortened to 30 characters
     * @param line the line of the text, from 1
     * @param column the column in that line, from 1
     * @param what what is wrong with it
     */
    public record Spot(String text, int line, int column, String what) {

        /**
         * Describes the spot, e.g. {@code '{{text' at line 1, column 10 (no closing }})}.
         *
         * @return the description
         */
        public String describe() {
            return "'" + text + "' at line " + line + ", column " + column + " (" + what + ")";
        }
    }

    private static final int SHOWN = 30;
    /** The longest text between braces looked at as a name: longer is never a placeholder. */
    private static final int MAX_INSIDE = 256;
    /** The most spots reported for one text. */
    private static final int MAX_SPOTS = 20;

    private static boolean isBlank(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isWhitespace(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds the broken placeholders of a template: a {@code {{} without a closing {@code }}}
     * (before the next {@code {{}), and an empty {@code {{}}}. These are refused: the text would be
     * sent to the model as written. A stray {@code }}} is not a problem (JSON has them).
     *
     * @param source the template text
     * @return the broken placeholders, in order, at most 20; empty when there is none
     */
    public static List<Spot> brokenPlaceholders(String source) {
        List<Spot> out = new ArrayList<>();
        Finder closes = new Finder(source, "}}");
        Finder opens = new Finder(source, "{{");
        int i = 0;
        while (out.size() < MAX_SPOTS) {
            int open = source.indexOf("{{", i);
            if (open < 0) {
                return out;
            }
            int close = closes.from(open + 2);
            int next = opens.from(open + 2);
            if (close < 0 || (next >= 0 && next < close)) {
                out.add(spot(source, open, lineEnd(source, open), "no closing }}"));
                i = open + 2;
                continue;
            }
            if (isBlank(source, open + 2, close)) {
                out.add(spot(source, open, close + 2, "an empty placeholder; write {{name}}"));
            }
            i = close + 2;
        }
        return out;
    }

    /**
     * Finds text that looks like a placeholder of another template language and is sent as
     * written: {@code {name}} (Python's {@code str.format}) where {@code name} is one of
     * {@code variables}, or an identifier not right after a letter, digit, {@code \}, {@code ^},
     * {@code _} or {@code $} (so LaTeX's {@code \frac{a}{b}} and {@code ${shell}} are left alone);
     * and {@code {{...}}} whose inside is not a variable name ({@code {{ user | upper }}}). These
     * are warned about, not refused: braces are legitimate text (JSON examples in a prompt).
     *
     * @param source the template text
     * @param variables the trials' variable names
     * @return the spots, in order, at most 20; empty when there is none
     */
    public static List<Spot> lookalikePlaceholders(String source, Set<String> variables) {
        List<Spot> out = new ArrayList<>();
        Finder closes = new Finder(source, "}}");
        Finder opens = new Finder(source, "{{");
        Finder braces = new Finder(source, "}");
        int n = source.length();
        for (int k = 0; k < n && out.size() < MAX_SPOTS; k++) {
            char c = source.charAt(k);
            if (c != '{') {
                continue;
            }
            if (k + 1 < n && source.charAt(k + 1) == '{') {
                int open = k;
                int close = closes.from(open + 2);
                int next = opens.from(open + 2);
                if (close < 0 || (next >= 0 && next < close)) {
                    k = open + 1;
                    continue;
                }
                String inside = close - open - 2 > MAX_INSIDE ? "" : source.substring(open + 2, close).trim();
                if (!inside.isEmpty() && !isName(inside) && inside.indexOf('\n') < 0) {
                    out.add(spot(source, open, close + 2, "not a variable name, so sent as written; a name is letters, "
                            + "digits, _, - and ."));
                }
                k = close + 1;
                continue;
            }
            int close = braces.from(k + 1);
            if (close < 0) {
                continue;
            }
            String inside = close - k - 1 > MAX_INSIDE ? "" : source.substring(k + 1, close);
            if (!isIdentifier(inside) || (close + 1 < n && source.charAt(close + 1) == '}')) {
                continue;
            }
            char before = k == 0 ? ' ' : source.charAt(k - 1);
            boolean known = variables.contains(inside);
            boolean codeLike = Character.isLetterOrDigit(before) || "\\^_$#%@".indexOf(before) >= 0;
            if (known || (!codeLike && inside.length() > 1)) {
                out.add(spot(source, k, close + 1, (known ? "a variable of the trials" : "looks like a variable")
                        + " in single braces, sent as written; write {{" + inside + "}} to fill it in"));
            }
            k = close;
        }
        return out;
    }

    /**
     * Finds the next occurrence of a string at or after positions that only grow, remembering the
     * last answer, so a scan over a text full of braces stays linear.
     */
    private static final class Finder {
        private final String source;
        private final String needle;
        private int found = -2;   // -2: not searched yet; -1: none at or after the last position asked

        Finder(String source, String needle) {
            this.source = source;
            this.needle = needle;
        }

        int from(int position) {
            if (found == -1 || found >= position) {
                return found;
            }
            found = source.indexOf(needle, position);
            return found;
        }
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int k = 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(String source, int from) {
        int nl = source.indexOf('\n', from);
        return nl < 0 ? source.length() : nl;
    }

    private static Spot spot(String source, int start, int end, String what) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < start; k++) {
            if (source.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        String text = source.substring(start, Math.min(end, start + SHOWN + 1)).stripTrailing();
        if (text.length() > SHOWN) {
            int cut = Character.isHighSurrogate(text.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
            text = text.substring(0, cut) + "...";
        }
        return new Spot(text, line, start - lineStart + 1, what);
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
