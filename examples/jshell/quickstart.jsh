// bench4j in jshell. From the repository's root:
//   ./mvnw -q -pl bench-examples -am package -DskipTests
//   jshell --class-path bench-examples/target/bench.jar examples/jshell/quickstart.jsh
import dev.bench4j.core.*;
import dev.bench4j.scoring.Scorers;

var plan = BenchmarkPlan.named("jshell")
    .prompt(Prompt.named("v1").user("Classify: {{text}}"))
    .model(ModelConfig.of("echo", "echo-1"))
    .trials(java.util.List.of(Trial.of("t1", java.util.Map.of("text", "chest pain")).withExpected("chest pain")))
    .scorer(Scorers.contains())
    .build();
var run = plan.run();
run.results().forEach(System.out::println);
System.out.println(run.summary().overall().scores().get("contains").describe());
/exit
