// bench4j in jshell. From the repository's root:
//   ./mvnw -q -pl bench-examples -am package -DskipTests
//   jshell --class-path bench-examples/target/bench.jar examples/jshell/quickstart.jsh
// In jshell a line that is a complete statement runs at once, so chained calls end lines with a dot.
import dev.bench4j.core.*;
import dev.bench4j.scoring.Scorers;

var plan = BenchmarkPlan.named("jshell").
    prompt(Prompt.named("v1").user("Classify: {{text}}")).
    model(ModelConfig.of("echo", "echo-1")).
    trial(Trial.of("t1", Map.of("text", "chest pain")).withExpected("chest pain")).
    trial(Trial.of("t2", Map.of("text", "a cold")).withExpected("flu")).
    scorer(Scorers.contains()).
    build();
var run = plan.run();
run.results().forEach(r -> System.out.println(r.cell() + " -> " + r.output() + " " + r.scores()));
System.out.println(run.summary().overall().scores().get("contains").describe());
/exit
