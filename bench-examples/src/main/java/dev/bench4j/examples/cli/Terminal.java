package dev.bench4j.examples.cli;

import java.util.Map;

/**
 * What the output goes to: an interactive terminal gets a live progress line, and colours unless
 * {@code NO_COLOR} is set (to anything but the empty string) or {@code TERM=dumb}.
 *
 * @param interactive whether a person watches (stdout and stderr are a terminal)
 * @param colour whether to use ANSI colours
 */
record Terminal(boolean interactive, boolean colour) {

    private static final String RESET = "\u001b[0m";

    /**
     * Detects the terminal of this process.
     *
     * @param env the environment variables
     * @return the terminal
     */
    static Terminal detect(Map<String, String> env) {
        boolean tty = System.console() != null;
        String noColor = env.get("NO_COLOR");
        boolean colour = tty && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
        return new Terminal(tty, colour);
    }

    /** A terminal with neither live output nor colours, as for a pipe or a file. */
    static Terminal plain() {
        return new Terminal(false, false);
    }

    String green(String s) {
        return paint("\u001b[32m", s);
    }

    String red(String s) {
        return paint("\u001b[31m", s);
    }

    String yellow(String s) {
        return paint("\u001b[33m", s);
    }

    String bold(String s) {
        return paint("\u001b[1m", s);
    }

    String dim(String s) {
        return paint("\u001b[2m", s);
    }

    private String paint(String code, String s) {
        return colour ? code + s + RESET : s;
    }

    /**
     * Makes a message of several lines safe to print, line by line (see {@link #clean}).
     *
     * @param s the text
     * @return the printable text, its line breaks kept
     */
    static String cleanLines(String s) {
        return String.join("\n", s.lines().map(Terminal::clean).toList());
    }

    /**
     * Makes one line of text from files or models safe to print: control characters (ANSI escapes
     * and line breaks included) become {@code ?}, so a name or message cannot move the cursor or
     * recolour the terminal.
     *
     * @param s the text
     * @return the printable text
     */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                sb.append('?');
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
