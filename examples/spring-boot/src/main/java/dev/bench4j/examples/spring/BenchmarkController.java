package dev.bench4j.examples.spring;

import dev.bench4j.store.json.JsonRunStore;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Runs benchmarks and reads stored runs.
 *
 * <ul>
 *   <li>{@code POST /benchmarks/{name}/runs}: runs the benchmark and answers when it has ended,
 *       {@code 201 Created} with a {@link RunView} and {@code Location: /runs/{id}}; 404 for an unknown name.
 *   <li>{@code GET /runs/{id}}: the stored run (also one that is still running); 404 if the store has none.
 * </ul>
 */
@RestController
class BenchmarkController {

    private final Benchmarks benchmarks;
    private final JsonRunStore store;

    BenchmarkController(Benchmarks benchmarks, JsonRunStore store) {
        this.benchmarks = benchmarks;
        this.store = store;
    }

    @PostMapping("/benchmarks/{name}/runs")
    ResponseEntity<RunView> run(@PathVariable String name) {
        RunView run = benchmarks.run(name).map(RunView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such benchmark"));
        return ResponseEntity.created(URI.create("/runs/" + run.id())).body(run);
    }

    @GetMapping("/runs/{id}")
    RunView stored(@PathVariable String id) {
        try {
            return store.load(id).map(RunView::of)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such run"));
        } catch (IllegalArgumentException notARunId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such run", notARunId);
        }
    }
}
