package dev.bench4j.core.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.Provenance;
import dev.bench4j.core.Provenance.GitState;
import dev.bench4j.core.Provenance.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON form of a {@link Provenance}, the {@code provenance} object of {@code run.json}:
 * {@code description}, {@code tags}, {@code git} ({@code commit}, {@code dirty}),
 * {@code command_line}, {@code host}, {@code user}, {@code plan_file} and {@code trial_files}
 * (each {@code path}, {@code sha256} and, for trials, {@code trial_ids}). Absent parts are left out.
 */
public final class ProvenanceJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ProvenanceJson() {
    }

    /**
     * Writes a provenance.
     *
     * @param p the provenance
     * @return its JSON object
     * @throws NullPointerException if {@code p} is {@code null}
     */
    public static ObjectNode toNode(Provenance p) {
        Objects.requireNonNull(p, "p");
        ObjectNode n = F.objectNode();
        p.description().ifPresent(d -> n.put("description", d));
        if (!p.tags().isEmpty()) {
            ArrayNode tags = n.putArray("tags");
            p.tags().forEach(tags::add);
        }
        p.git().ifPresent(g -> {
            ObjectNode git = n.putObject("git");
            git.put("commit", g.commit());
            g.dirty().ifPresentOrElse(d -> git.put("dirty", d), () -> git.putNull("dirty"));
        });
        if (!p.commandLine().isEmpty()) {
            ArrayNode args = n.putArray("command_line");
            p.commandLine().forEach(args::add);
        }
        p.host().ifPresent(h -> n.put("host", h));
        p.user().ifPresent(u -> n.put("user", u));
        p.planFile().ifPresent(f -> n.set("plan_file", file(f)));
        if (!p.trialFiles().isEmpty()) {
            ArrayNode files = n.putArray("trial_files");
            p.trialFiles().forEach(f -> files.add(file(f)));
        }
        return n;
    }

    private static ObjectNode file(SourceFile f) {
        ObjectNode n = F.objectNode();
        n.put("path", f.path());
        n.put("sha256", f.sha256());
        if (!f.trialIds().isEmpty()) {
            ArrayNode ids = n.putArray("trial_ids");
            f.trialIds().forEach(ids::add);
        }
        return n;
    }

    /**
     * Reads a provenance written by {@link #toNode}.
     *
     * @param f the {@code provenance} object's fields
     * @return the provenance
     * @throws RuntimeException of the type {@code f} makes, naming the field, if a part is invalid
     */
    public static Provenance read(JsonFields f) {
        Optional<GitState> git = f.optObject("git").map(g -> {
            String commit = g.string("commit");
            try {
                return new GitState(commit, g.optBoolean("dirty"));
            } catch (IllegalArgumentException e) {
                throw g.refused("commit", e);
            }
        });
        Optional<SourceFile> planFile = f.optObject("plan_file").map(ProvenanceJson::file);
        List<SourceFile> trialFiles = new ArrayList<>();
        f.optArray("trial_files").ifPresent(array -> {
            for (int i = 0; i < array.size(); i++) {
                trialFiles.add(file(f.nested(array.get(i), "trial_files[" + i + "]")));
            }
        });
        List<String> tags = f.has("tags") ? f.strings("tags") : List.of();
        List<String> commandLine = f.has("command_line") ? f.strings("command_line") : List.of();
        try {
            return new Provenance(f.optString("description"), tags, git, commandLine, f.optString("host"),
                    f.optString("user"), planFile, trialFiles);
        } catch (IllegalArgumentException e) {
            throw f.refused("tags", e);
        }
    }

    private static SourceFile file(JsonFields f) {
        List<String> ids = f.has("trial_ids") ? f.strings("trial_ids") : List.of();
        try {
            return new SourceFile(f.string("path"), f.string("sha256"), ids);
        } catch (IllegalArgumentException e) {
            throw f.refused("sha256", e);
        }
    }
}
