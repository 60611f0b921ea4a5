/**
 * bench4j's results viewer and human review over a JSON run store: a local web app
 * ({@code BenchServer}, on the JDK's {@code jdk.httpserver}) and a self-contained HTML report
 * ({@code BenchReport}).
 *
 * <p>The front-end libraries come from their WebJars (Chart.js, SortableJS, jsdiff), read as
 * resources under {@code META-INF/resources/webjars}; they hold no classes and are not required
 * here. On the module path they are automatic modules, resolved with the other automatic modules
 * bench4j requires; on the class path they are found as they always were.
 */
module dev.bench4j.web {
    exports dev.bench4j.web;

    requires transitive dev.bench4j.core;
    requires transitive dev.bench4j.store.json;
    requires static transitive org.jspecify;

    requires dev.bench4j.scoring;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;
    requires org.slf4j;
    requires jdk.httpserver;
}
