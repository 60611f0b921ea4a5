package dev.bench4j.web.testing;

import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.BenchServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A viewer in a JVM of its own, to be killed: {@code ForkedServer STORE} prints {@code PORT n TOKEN t} and serves until killed. */
public final class ForkedServer {

    private ForkedServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        BenchServer server = BenchServer.builder(JsonRunStore.at(Path.of(args[0]))).port(0).start();
        System.out.println("PORT " + server.port() + " TOKEN " + server.token());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts the server in a new JVM with the test class path; its output goes to {@code log}. */
    public static Process fork(Path store, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ForkedServer.class.getName());
        command.add(store.toString());
        File out = log.toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
    }
}
