package dev.bench4j.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The app's files: its own page, script and style (in this jar), and the front-end libraries it
 * uses, from their WebJars: Chart.js (charts), SortableJS (drag and drop) and jsdiff (word diffs).
 * Read once; a source-map comment is cut from scripts, as the maps are not served.
 */
final class Assets {

    private static final String APP = "dev/bench4j/web/app/";

    final String shell;
    final String appJs;
    final String appCss;
    final String chartJs;
    final String sortableJs;
    final String diffJs;
    final String licences;

    private Assets() {
        Properties vendor = new Properties();
        try (InputStream in = resource("dev/bench4j/web/vendor.properties")) {
            vendor.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shell = text(APP + "shell.html");
        appJs = script(text(APP + "app.js"));
        appCss = text(APP + "app.css");
        chartJs = script(text(vendor.getProperty("chart")));
        sortableJs = script(text(vendor.getProperty("sortable")));
        diffJs = script(text(vendor.getProperty("diff")));
        licences = "Chart.js (MIT):\n" + text(vendor.getProperty("chart.licence"))
                + "\n\nSortableJS (MIT):\n" + text(vendor.getProperty("sortable.licence"))
                + "\n\njsdiff (BSD-3-Clause):\n" + text(vendor.getProperty("diff.licence"));
    }

    private static final Assets INSTANCE = new Assets();

    /** The app's files, read once per class loader (they never change while it runs). */
    static Assets get() {
        return INSTANCE;
    }

    private static String script(String js) {
        return js.replaceAll("(?m)^//# sourceMappingURL=.*$", "");
    }

    private static InputStream resource(String path) {
        // this module's own files through the class (on the module path a class loader does not
        // hand out a named module's resources), the WebJars' files through the loader (a class
        // looks only in its own module)
        InputStream in = Assets.class.getResourceAsStream("/" + path);
        if (in == null) {
            in = Assets.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IllegalStateException("bench-web is missing its resource " + path + " (a broken jar?)");
        }
        return in;
    }

    private static String text(String path) {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bench-web's resource " + path + ": " + e.getMessage(), e);
        }
    }
}
