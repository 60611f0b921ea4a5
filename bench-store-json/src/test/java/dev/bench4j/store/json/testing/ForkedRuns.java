package dev.bench4j.store.json.testing;

import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.JsonRunStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A process the store's tests fork: {@code runs STORE N} writes N small runs into the store;
 * {@code slow STORE} runs {@link StorePlans#killable} with a slow provider, to be killed.
 */
public final class ForkedRuns {

    private ForkedRuns() {
    }

    /**
     * Runs what the arguments say.
     *
     * @param args {@code runs STORE N} or {@code slow STORE}
     */
    public static void main(String[] args) {
        JsonRunStore store = JsonRunStore.at(Path.of(args[1]));
        switch (args[0]) {
            case "runs" -> {
                int n = Integer.parseInt(args[2]);
                for (int i = 0; i < n; i++) {
                    String id = Plans.over(ScriptedProvider.echoing("echoing"), 30).concurrency(4).store(store).noCache()
                            .build().run().id();
                    System.out.println("RUN " + id);
                }
            }
            case "slow" -> {
                String id = StorePlans.killable(StorePlans.slow(Duration.ofMillis(40))).store(store).build().run().id();
                System.out.println("FINISHED " + id);
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /**
     * Starts this main in a new JVM with the test class path.
     *
     * @param log where the process's output goes
     * @param args the arguments
     * @return the process
     * @throws java.io.IOException if it cannot start
     */
    public static Process fork(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ForkedRuns.class.getName());
        command.addAll(List.of(args));
        File out = log.toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
    }
}
