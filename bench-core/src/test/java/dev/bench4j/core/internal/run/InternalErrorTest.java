package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Something nobody expected on the run thread fails the run with a reason; it never leaves it hanging. */
class InternalErrorTest {

    @Test
    void anUnexpectedExceptionFailsTheRunInsteadOfHangingIt() {
        // a price so absurd that the cost overflows to infinity, which no Result accepts
        Price absurd = Price.perMillionTokens(Double.MAX_VALUE, Double.MAX_VALUE);
        var handle = BenchmarkPlan.named("absurd").provider(ScriptedProvider.echoing("echoing"))
                .prompt(Prompt.named("p").user("Q {{x}}")).model(ModelConfig.of("echoing", "m").withPrice(absurd))
                .trials(Plans.trials(3)).build().start();

        Optional<Run> run = handle.await(Duration.ofSeconds(10));
        assertThat(run).isPresent();
        assertThat(run.get().status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.get().statusReason().orElseThrow()).startsWith("internal error: java.lang.IllegalArgumentException: costUsd");
    }
}
