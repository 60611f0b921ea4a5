/** A bench4j consumer that names only bench4j's core; providers and scorers come by service binding. */
module example.consumer {
    requires dev.bench4j.core;
    requires jdk.httpserver;
}
