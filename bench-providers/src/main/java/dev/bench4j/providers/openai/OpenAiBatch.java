package dev.bench4j.providers.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Trial;
import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ProviderContext;
import dev.bench4j.providers.internal.http.Json;
import dev.bench4j.providers.openai.internal.ChatCompletionsBatch;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Runs a plan's cells as an OpenAI Batch job (or with vLLM's {@code run_batch} on a GPU cluster)
 * instead of calling the model one cell at a time: {@link #writeInput} writes every cell's request
 * as a line of a batch input file, and {@link #importOutput} turns the batch's output file back into
 * a run, each line a result, scored and costed like a live one.
 *
 * <pre>{@code
 * BenchmarkPlan plan = ...;                                      // openai / openai-compatible / xai models
 * OpenAiBatch.writeInput(plan, Path.of("batch-input.jsonl"));   // upload it, create the batch, wait
 * Run run = OpenAiBatch.importOutput(plan, Path.of("batch-output.jsonl"))
 *     .store(JsonRunStore.at(Path.of("runs")))                   // optional
 *     .build()
 *     .run();
 * }</pre>
 *
 * <h2>Files</h2>
 * An input line is {@code {"custom_id": "...", "method": "POST", "url": "/v1/chat/completions",
 * "body": {...}}}, whose body is exactly what the {@code openai}, {@code openai-compatible} or
 * {@code xai} provider sends for the cell (its model, messages, parameters under that provider's
 * wire names, and extras), except that a batch never streams: a streaming config's {@code stream}
 * and {@code stream_options} are left out. An output line is
 * {@code {"id": "...", "custom_id": "...", "response": {"status_code": 200, "request_id": "...",
 * "body": {...}}, "error": null}}; a failed request has another status and an error body, or (vLLM)
 * a status without body and the error in {@code error}, or (OpenAI's error file) {@code "response": null}
 * and an {@code error} object with {@code code} and {@code message}. Both files are UTF-8 JSON Lines.
 *
 * <h2>custom_id</h2>
 * A cell's {@code custom_id} is {@code prompt|model|trial|repetition}: the prompt's name, the model
 * config's id, the trial's id and the repetition (from 0), with {@code %} written as {@code %25}
 * and {@code |} as {@code %7C} inside each name, e.g. {@code triage|openai:gpt-4o-mini|case%7C7|0}.
 * {@link #customId(CellId)} and {@link #cellOf(String)} convert.
 *
 * <h2>One model per batch</h2>
 * OpenAI's Batch API and vLLM's {@code run_batch} each run one model per batch. A plan with several
 * models can be written as one file per model with {@link #writeInput(BenchmarkPlan, String, Path)},
 * and the output files imported together with {@link #importOutput(BenchmarkPlan, List)} (OpenAI's
 * error file too: it holds the lines of the requests that failed).
 *
 * <h2>Cost</h2>
 * Results are costed from the usage each line reports and the same prices as a live run (the
 * config's price, else the provider's own, else bench4j's price table). Batch prices are usually
 * 50% lower than the live ones the table holds; to count that, set the batch price on the config,
 * e.g. {@code ModelConfig.of("openai", "gpt-4o-mini").withPrice(Price.perMillionTokens(0.075, 0.30))}.
 */
public final class OpenAiBatch {

    private static final String SEPARATOR = "|";

    private OpenAiBatch() {
    }

    /**
     * Writes every cell of a plan, in run order, as one line of an OpenAI Batch input file. The file
     * is written to a temporary file beside it, synced and renamed over it, so it is either complete
     * or left as it was; missing parent folders are created.
     *
     * @param plan the plan; every model must use the {@code openai}, {@code openai-compatible} or
     *     {@code xai} ({@code grok}) provider
     * @param file the input file to write
     * @return the number of lines written: the plan's cell count
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if a model uses another provider (the message names it)
     * @throws UncheckedIOException if the file cannot be written
     */
    public static long writeInput(BenchmarkPlan plan, Path file) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(file, "file");
        checkProviders(plan);
        return write(plan, Optional.empty(), file);
    }

    /**
     * Writes the cells of one model of a plan, in run order, as an OpenAI Batch input file; see
     * {@link #writeInput(BenchmarkPlan, Path)}.
     *
     * @param plan the plan; every model must use the {@code openai}, {@code openai-compatible} or
     *     {@code xai} ({@code grok}) provider
     * @param modelId the id of the model config whose cells to write
     * @param file the input file to write
     * @return the number of lines written: prompts × trials × repetitions
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the plan has no such model, or a model uses another provider
     * @throws UncheckedIOException if the file cannot be written
     */
    public static long writeInput(BenchmarkPlan plan, String modelId, Path file) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(file, "file");
        checkProviders(plan);
        if (plan.models().stream().noneMatch(m -> m.id().equals(modelId))) {
            throw new IllegalArgumentException("plan '" + plan.name() + "' has no model '" + modelId + "'; its models are "
                    + plan.models().stream().map(ModelConfig::id).toList());
        }
        return write(plan, Optional.of(modelId), file);
    }

    /**
     * Reads a batch output file written for a plan and returns a builder for a plan that answers
     * each cell from its line instead of calling the model; see {@link #importOutput(BenchmarkPlan, List)}.
     *
     * @param plan the plan the batch input file was written from
     * @param outputFile the batch output file
     * @return a builder of the plan with the batch answers; add a store or sinks, then {@code build().run()}
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if a model uses a provider other than the Chat Completions
     *     ones, the file is missing or not UTF-8, or a line is not a JSON object, has no
     *     {@code custom_id}, names no cell of the plan, repeats a {@code custom_id} or has neither a
     *     response nor an error (the message names the file and the line)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static BenchmarkPlan.Builder importOutput(BenchmarkPlan plan, Path outputFile) {
        return importOutput(plan, List.of(Objects.requireNonNull(outputFile, "outputFile")));
    }

    /**
     * Reads batch output files written for a plan (e.g. one per model, or OpenAI's output and error
     * files) and returns {@code plan.toBuilder()} set up to answer each cell from its line instead of
     * calling the model. The builder has provider factories registered under {@code openai},
     * {@code openai-compatible} and {@code xai} ({@code grok}) that win over the live ones; they
     * check nothing and are never cached, keep the live providers' prices, and answer as the live
     * provider would have for the line:
     * <ul>
     *   <li>status 200: the response body read exactly like a live answer (text, usage, finish
     *       reason, model version);</li>
     *   <li>another status: the error the live provider raises for it, with its kind, HTTP status and
     *       the provider's message (e.g. a vLLM 400 for a model without a chat template is a
     *       {@code bad_request} result with status 400);</li>
     *   <li>no response but an {@code error}: an error whose kind follows the code when bench4j knows
     *       it ({@code batch_expired} is {@code deadline_exceeded}), else {@code server};</li>
     *   <li>a cell with no line: an error of kind {@link ErrorKind#NO_RECORDING}.</li>
     * </ul>
     * The builder also has {@code retry(RetryPolicy.none())} and {@code noCache()} set: an answer read
     * from a file does not change on a second attempt. The caller adds a store or sinks and calls
     * {@code build().run()}; the run scores the results with the plan's scorers and costs them as a
     * live run would (see the class comment for batch prices). Rate limits set on the model configs
     * still apply while the run reads the answers.
     *
     * @param plan the plan the batch input files were written from
     * @param outputFiles the batch output files; a {@code custom_id} may appear in only one line of all
     * @return a builder of the plan with the batch answers
     * @throws NullPointerException if an argument or a file is {@code null}
     * @throws IllegalArgumentException if {@code outputFiles} is empty, a model uses a provider other
     *     than the Chat Completions ones, a file is missing or not UTF-8, or a line is not a JSON
     *     object, has no {@code custom_id}, names no cell of the plan, repeats a {@code custom_id} or
     *     has neither a response nor an error (the message names the file and the line)
     * @throws UncheckedIOException if a file cannot be read
     */
    public static BenchmarkPlan.Builder importOutput(BenchmarkPlan plan, List<Path> outputFiles) {
        Objects.requireNonNull(plan, "plan");
        List<Path> files = List.copyOf(Objects.requireNonNull(outputFiles, "outputFiles"));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no batch output file to import");
        }
        checkProviders(plan);
        Answers answers = new Answers(files);
        PlanCells cells = new PlanCells(plan);
        for (int i = 0; i < files.size(); i++) {
            read(files.get(i), i, cells, answers);
        }
        BenchmarkPlan.Builder builder = plan.toBuilder().retry(RetryPolicy.none()).noCache();
        for (ModelProviderFactory live : ChatCompletionsBatch.liveFactories()) {
            builder.provider(new BatchAnswerFactory(live, answers));
        }
        return builder;
    }

    /**
     * Returns a cell's {@code custom_id}: {@code prompt|model|trial|repetition}, with {@code %}
     * escaped as {@code %25} and {@code |} as {@code %7C} inside the names.
     *
     * @param cell the cell
     * @return the id, e.g. {@code triage|openai:gpt-4o-mini|t1|0}
     * @throws NullPointerException if {@code cell} is {@code null}
     */
    public static String customId(CellId cell) {
        Objects.requireNonNull(cell, "cell");
        return escape(cell.prompt()) + SEPARATOR + escape(cell.model()) + SEPARATOR + escape(cell.trial()) + SEPARATOR
                + cell.repetition();
    }

    /**
     * Reads a {@code custom_id} written by {@link #customId(CellId)} back into its cell.
     *
     * @param customId the id
     * @return the cell
     * @throws NullPointerException if {@code customId} is {@code null}
     * @throws IllegalArgumentException if the id is not four {@code |}-separated parts with a
     *     repetition (an integer from 0) last and only {@code %25} and {@code %7C} escapes
     */
    public static CellId cellOf(String customId) {
        Objects.requireNonNull(customId, "customId");
        String[] parts = customId.split("\\|", -1);
        String expected = "custom_id '" + customId + "' is not one bench4j writes (prompt|model|trial|repetition)";
        if (parts.length != 4 || !parts[3].matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException(expected);
        }
        String prompt = unescape(parts[0]);
        String model = unescape(parts[1]);
        String trial = unescape(parts[2]);
        if (prompt == null || model == null || trial == null || prompt.isEmpty() || model.isEmpty() || trial.isEmpty()) {
            throw new IllegalArgumentException(expected);
        }
        return new CellId(prompt, model, trial, Integer.parseInt(parts[3]));
    }

    private static String escape(String name) {
        return name.replace("%", "%25").replace(SEPARATOR, "%7C");
    }

    /** Undoes {@link #escape}; null for a {@code %} that starts neither escape. */
    private static @Nullable String unescape(String part) {
        StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (part.startsWith("25", i + 1)) {
                out.append('%');
                i += 2;
            } else if (part.regionMatches(true, i + 1, "7C", 0, 2)) {
                out.append('|');
                i += 2;
            } else {
                return null;
            }
        }
        return out.toString();
    }

    private static void checkProviders(BenchmarkPlan plan) {
        for (ModelConfig m : plan.models()) {
            if (!ChatCompletionsBatch.serves(m.provider())) {
                throw new IllegalArgumentException("model '" + m.id() + "' uses provider '" + m.provider()
                        + "', which OpenAI Batch files cannot carry; only openai, openai-compatible and xai (grok) "
                        + "models can go in a batch: remove the model from the plan");
            }
        }
    }

    private static long write(BenchmarkPlan plan, Optional<String> modelId, Path file) {
        Path target = file.toAbsolutePath().normalize();
        long[] lines = {0};
        try {
            Files.createDirectories(target.getParent());
            AtomicFiles.write(target, out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                lines[0] = writeLines(plan, modelId, writer);
                writer.flush();
            });
            return lines[0];
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new UncheckedIOException("cannot write batch input file " + file + ": " + cause.getMessage(), cause);
        }
    }

    private static long writeLines(BenchmarkPlan plan, Optional<String> modelId, Writer writer) {
        long[] lines = {0};
        plan.forEachRequest(request -> {
            if (modelId.isPresent() && !modelId.get().equals(request.config().id())) {
                return;
            }
            ObjectNode line = Json.MAPPER.createObjectNode();
            line.put("custom_id", customId(request.cell()));
            line.put("method", "POST");
            line.put("url", ChatCompletionsBatch.URL);
            line.set("body", ChatCompletionsBatch.body(request));
            try {
                writer.write(Json.MAPPER.writeValueAsString(line));
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lines[0]++;
        });
        return lines[0];
    }


    private static void read(Path file, int fileIndex, PlanCells cells, Answers answers) {
        int number = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            while ((text = in.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    readLine(file, fileIndex, number, text, cells, answers);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("batch output file " + file + " not found");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " line " + (number + 1) + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read batch output file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readLine(Path file, int fileIndex, int number, String text, PlanCells cells, Answers answers) {
        String where = file + " line " + number;
        JsonNode line;
        try {
            line = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object but found "
                    + (line == null ? "nothing" : line.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        JsonNode id = line.path("custom_id");
        if (id.isMissingNode() || id.isNull()) {
            throw new IllegalArgumentException(where + ": the line has no custom_id");
        }
        if (!id.isTextual()) {
            throw new IllegalArgumentException(where + ": custom_id must be a string but was " + id);
        }
        CellId cell;
        try {
            cell = cellOf(id.textValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown " + e.getMessage());
        }
        cells.check(cell).ifPresent(why -> {
            throw new IllegalArgumentException(where + ": unknown custom_id '" + id.textValue() + "': plan '"
                    + cells.planName + "' " + why);
        });
        Answer first = answers.byCell.get(cell);
        if (first != null) {
            throw new IllegalArgumentException(where + ": custom_id '" + id.textValue() + "' appears twice; first at "
                    + answers.files.get(first.fileIndex) + " line " + first.line);
        }
        JsonNode response = line.path("response");
        JsonNode error = line.path("error");
        boolean hasResponse = !response.isMissingNode() && !response.isNull();
        if (hasResponse && !response.isObject()) {
            throw new IllegalArgumentException(where + ": response must be an object or null but was " + response);
        }
        if (hasResponse && !response.path("status_code").canConvertToInt()) {
            throw new IllegalArgumentException(where + ": the response has no integer status_code");
        }
        if (!hasResponse && (error.isMissingNode() || error.isNull())) {
            throw new IllegalArgumentException(where + ": the line has neither a response nor an error");
        }
        answers.byCell.put(cell, Answer.of(line, cells.models.get(cell.model()), fileIndex, number));
    }

    /** The names of a plan's cells, to tell which custom_ids belong to it. */
    private static final class PlanCells {
        private final String planName;
        private final Map<String, ModelConfig> models = new HashMap<>();
        private final Set<String> prompts = new HashSet<>();
        private final Set<String> trials = new HashSet<>();
        private final int repetitions;

        PlanCells(BenchmarkPlan plan) {
            planName = plan.name();
            plan.models().forEach(m -> models.put(m.id(), m));
            plan.prompts().stream().map(Prompt::name).forEach(prompts::add);
            plan.trials().stream().map(Trial::id).forEach(trials::add);
            repetitions = plan.repetitions();
        }

        /** Why a cell is not the plan's, or empty when it is. */
        Optional<String> check(CellId cell) {
            if (!prompts.contains(cell.prompt())) {
                return Optional.of("has no prompt '" + cell.prompt() + "'");
            }
            if (!models.containsKey(cell.model())) {
                return Optional.of("has no model '" + cell.model() + "'");
            }
            if (!trials.contains(cell.trial())) {
                return Optional.of("has no trial '" + cell.trial() + "'");
            }
            if (cell.repetition() >= repetitions) {
                return Optional.of("has " + repetitions + " repetition" + (repetitions == 1 ? "" : "s")
                        + " (0 to " + (repetitions - 1) + ") but the line is for repetition " + cell.repetition());
            }
            return Optional.empty();
        }
    }

    /**
     * What one line answers: a response or a failure, read when the file is imported (so only the
     * outcome is kept in memory, not the line), and where the line was.
     */
    private record Answer(Optional<ModelResponse> response, Optional<CallException> failure, int fileIndex, int line) {

        static Answer of(JsonNode line, ModelConfig config, int fileIndex, int number) {
            try {
                return new Answer(Optional.of(ChatCompletionsBatch.answer(line, config)), Optional.empty(), fileIndex, number);
            } catch (CallException e) {
                return new Answer(Optional.empty(), Optional.of(e), fileIndex, number);
            }
        }

        CompletionStage<ModelResponse> reply() {
            if (response.isPresent()) {
                return CompletableFuture.completedFuture(response.get());
            }
            CallException e = failure.orElseThrow();
            return CompletableFuture.failedFuture(new CallException(e.kind(), e.getMessage(), e.httpStatus(),
                    e.retryAfter(), null));
        }
    }

    /** Every imported answer, by cell. */
    private static final class Answers {
        private final List<Path> files;
        private final Map<CellId, Answer> byCell = new HashMap<>();

        Answers(List<Path> files) {
            this.files = files;
        }

        CompletionStage<ModelResponse> reply(ModelRequest request) {
            Answer answer = byCell.get(request.cell());
            if (answer == null) {
                return CompletableFuture.failedFuture(new CallException(ErrorKind.NO_RECORDING,
                        "the batch output has no line for custom_id '" + customId(request.cell()) + "' ("
                                + (files.size() == 1 ? "read " + files.get(0).getFileName()
                                        : "read " + files.size() + " files") + ")"));
            }
            return answer.reply();
        }
    }

    /**
     * Stands in for a live Chat Completions provider factory (same name, aliases and prices) and
     * answers from the imported lines.
     */
    private static final class BatchAnswerFactory implements ModelProviderFactory {
        private final ModelProviderFactory live;
        private final Answers answers;

        BatchAnswerFactory(ModelProviderFactory live, Answers answers) {
            this.live = live;
            this.answers = answers;
        }

        @Override
        public String name() {
            return live.name();
        }

        @Override
        public Set<String> aliases() {
            return live.aliases();
        }

        /**
         * Answers the candidates' calls from the batch output; a scorer's call (an LLM judge grading
         * an imported answer) goes to the live provider, made on the first such call.
         */
        @Override
        public ModelProvider create(ProviderContext context) {
            return new ModelProvider() {
                private @Nullable ModelProvider judges;
                private boolean closed;

                @Override
                public CompletionStage<ModelResponse> call(ModelRequest request) {
                    return request.grades().isEmpty() ? answers.reply(request) : judges().call(request);
                }

                private synchronized ModelProvider judges() {
                    if (closed) {
                        throw new IllegalStateException("the batch answers' provider is closed");
                    }
                    if (judges == null) {
                        judges = live.create(context);
                    }
                    return judges;
                }

                @Override
                public synchronized void close() {
                    closed = true;
                    if (judges != null) {
                        judges.close();
                    }
                }
            };
        }

        @Override
        public boolean cacheable() {
            return false;
        }

        @Override
        public Optional<Price> price(ModelConfig config) {
            return live.price(config);
        }
    }
}
