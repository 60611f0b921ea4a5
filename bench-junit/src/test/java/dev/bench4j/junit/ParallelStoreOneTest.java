package dev.bench4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Run;
import dev.bench4j.store.json.JsonRunStore;
import java.nio.file.Path;

/**
 * With junit-platform.properties running classes concurrently, this class and
 * {@link ParallelStoreTwoTest} write the same store folder at once; each finds its own runs there.
 */
class ParallelStoreOneTest {

    static final Path SHARED = Path.of("target/bench4j-runs-parallel");

    static void gateAndFind(String prompt) {
        Bench bench = new Bench(SHARED, false);
        for (int i = 0; i < 3; i++) {
            Run run = bench.gate(Plans.echo(prompt, 1)).minScore("exact", 0.9).maxFailureRate(0).check();
            Run stored = JsonRunStore.at(SHARED).run(run.id()).orElseThrow();
            assertThat(stored.results()).hasSize(20);
            assertThat(JsonRunStore.at(SHARED).list()).anySatisfy(e -> assertThat(e.id()).isEqualTo(run.id()));
        }
    }

    @BenchmarkTest
    void gatesWhileTheOtherClassWritesTheSameStore() {
        gateAndFind("one");
    }
}
