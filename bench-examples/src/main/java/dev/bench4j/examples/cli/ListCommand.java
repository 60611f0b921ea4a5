package dev.bench4j.examples.cli;

import dev.bench4j.core.RunStatus;
import dev.bench4j.store.json.RunEntry;
import dev.bench4j.store.json.RunQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench list [--store DIR] [--model M] [--status S] [--since 7d]}: the runs of a store,
 * newest first, one line each: id, status, start time, name, cells, success rate and cost.
 */
@Command(name = "list", description = "List the runs of a store, newest first.", mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern AGE = Pattern.compile("(\\d+)([mhdw])");

    @Mixin
    StoreOption store;

    @Option(names = "--model", paramLabel = "M", description = "only runs with this model id")
    String model;

    @Option(names = "--status", paramLabel = "S", description = "only runs with this status (running, completed, failed, cancelled, budget_exceeded, interrupted)")
    String status;

    @Option(names = "--since", paramLabel = "AGE", description = "only runs started in the last AGE: 30m, 12h, 7d, 2w")
    String since;

    private final Bench.Io io;

    ListCommand(Bench.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        RunQuery query = RunQuery.all();
        if (model != null) {
            query = query.withModel(model);
        }
        if (status != null) {
            try {
                query = query.withStatus(RunStatus.fromWireName(status));
            } catch (IllegalArgumentException e) {
                throw new Bench.UsageException("--status: " + e.getMessage());
            }
        }
        if (since != null) {
            query = query.withSince(Instant.now().minus(age(since)));
        }
        List<RunEntry> runs = store.existing().list(query);
        List<List<String>> rows = new ArrayList<>();
        for (RunEntry r : runs) {
            rows.add(List.of(r.id(), r.status().wireName(), TIME.format(r.startedAt()), Terminal.clean(r.name()),
                    Format.count(r.cells()) + (r.retriedCells() > 0 ? " (" + Format.count(r.retriedCells()) + " retried)" : ""),
                    Format.percent(r.successRate(), r.successRateCi95()), mainScore(r),
                    r.costUsd().isPresent() ? Format.usd(r.costUsd().getAsDouble()) : "unknown",
                    Terminal.clean(String.join(",", r.tags()))));
        }
        if (rows.isEmpty()) {
            io.err().println("bench: no runs" + (query.equals(RunQuery.all()) ? "" : " match") + " in " + store.folder);
            return 0;
        }
        io.out().print(Table.render(List.of("run", "status", "started (UTC)", "name", "cells", "ok", "main score", "cost", "tags"), rows, 4,
                false, io.terminal()));
        return 0;
    }

    /** The mean of the run's first scorer, named, e.g. {@code set_f1 0.912}; {@code -} when it has none. */
    private static String mainScore(RunEntry r) {
        return r.scores().entrySet().stream().findFirst()
                .map(e -> Terminal.clean(e.getKey()) + " " + Format.number(e.getValue())).orElse("-");
    }

        static Duration age(String text) {
        Matcher m = AGE.matcher(text.trim());
        if (!m.matches()) {
            throw new Bench.UsageException("--since: expected an age such as 30m, 12h, 7d or 2w but was '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            case "d":
                return Duration.ofDays(n);
            default:
                return Duration.ofDays(7 * n);
        }
    }
}
