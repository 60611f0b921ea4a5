/**
 * bench4j's JSON run store: crash-safe run folders ({@code run.json}, {@code results.jsonl}) and
 * an index of runs. A consumer that stores runs writes {@code requires dev.bench4j.store.json;}
 * (it reads {@code dev.bench4j.core} through it).
 */
module dev.bench4j.store.json {
    exports dev.bench4j.store.json;

    requires transitive dev.bench4j.core;
    requires static transitive org.jspecify;

    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.slf4j;
    requires com.github.benmanes.caffeine;
}
