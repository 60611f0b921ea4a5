package dev.bench4j.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The app's one HTML page, as the server sends it (scripts and style by URL, the token in a meta
 * tag) and as a report holds it (everything inline, the data in a JSON script element, a
 * Content-Security-Policy that allows exactly the inline scripts and style by their hashes).
 */
final class Page {

    private Page() {
    }

    static String server(Assets a, String token) {
        return head("server", "bench4j", "<meta name=\"bench4j-token\" content=\"" + escapeHtml(token) + "\">\n"
                + "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n")
                + "<body>\n" + a.shell
                + "<script src=\"/assets/vendor/chart.js\"></script>\n"
                + "<script src=\"/assets/vendor/sortable.js\"></script>\n"
                + "<script src=\"/assets/vendor/diff.js\"></script>\n"
                + "<script src=\"/assets/app.js\"></script>\n"
                + "</body>\n</html>\n";
    }

    /**
     * A self-contained report page.
     *
     * @param a the app's files
     * @param title the page's title (plain text)
     * @param dataJson the report's data as JSON
     * @return the HTML
     */
    static String report(Assets a, String title, String dataJson) {
        List<String> scripts = List.of(inline(a.chartJs), inline(a.sortableJs), inline(a.diffJs), inline(a.appJs));
        String css = a.appCss.replace("</", "<\\/");
        StringBuilder csp = new StringBuilder("default-src 'none'; script-src");
        for (String s : scripts) {
            csp.append(" 'sha256-").append(sha256(s)).append('\'');
        }
        csp.append("; style-src 'sha256-").append(sha256(css)).append("'; img-src data:; connect-src 'none'; base-uri 'none'; "
                + "form-action 'none'");
        StringBuilder page = new StringBuilder(dataJson.length() + 400_000);
        page.append(head("report", title, "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">\n"
                + "<style>" + css + "</style>\n"));
        page.append("<body>\n").append(a.shell);
        page.append("<script type=\"application/json\" id=\"bench4j-data\">").append(embeddable(dataJson)).append("</script>\n");
        for (String s : scripts) {
            page.append("<script>").append(s).append("</script>\n");
        }
        page.append("<!-- front-end libraries inlined under their licences:\n").append(a.licences.replace("--", "- -"))
                .append("\n-->\n</body>\n</html>\n");
        return page.toString();
    }

    private static String head(String mode, String title, String extra) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"bench4j-mode\" content=\"" + mode + "\">\n"
                + "<link rel=\"icon\" href=\"data:,\">\n"
                + "<title>" + escapeHtml(title) + "</title>\n" + extra + "</head>\n";
    }

    /** A script's text made safe to sit inside a script element: nothing in it can end the element early. */
    static String inline(String js) {
        return js.replaceAll("(?i)</(script)", "<\\\\/$1").replace("<!--", "<\\!--");
    }

    /**
     * JSON made safe inside {@code <script type="application/json">}: {@code <}, {@code >} and
     * {@code &} (which only occur inside strings in JSON) and the line separators become
     * {@code \\uXXXX} escapes, so no model output can close the element or start a comment.
     */
    static String embeddable(String json) {
        StringBuilder sb = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String escapeHtml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
