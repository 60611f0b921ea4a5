package dev.bench4j.core;

import dev.bench4j.core.internal.Template;
import dev.bench4j.core.internal.io.JsonFiles;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.json.PromptJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named prompt: a list of messages whose contents are {@code {{variable}}} templates, and free
 * metadata (description, tags, author...).
 *
 * <p>A prompt is immutable; {@link #system(String)}, {@link #user(String)} and friends return a
 * copy with one more message, so a prompt reads well when built in place:
 *
 * <pre>{@code
 * Prompt p = Prompt.named("v1")
 *     .system("You are a triage nurse.")
 *     .user("Classify: {{text}}");
 * p.variables();   // [text]
 * }</pre>
 *
 * <p>A prompt may be empty while it is being built; {@link BenchmarkPlan.Builder#build()} refuses a
 * prompt without messages.
 *
 * @param name the name, unique within a plan
 * @param messages the messages, in order
 * @param metadata free metadata (JSON-like values), kept in run files
 */
public record Prompt(String name, List<Message> messages, Map<String, Object> metadata) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if any component or element is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Prompt {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("prompt name must not be blank");
        }
        for (Message m : Objects.requireNonNull(messages, "messages")) {
            Objects.requireNonNull(m, "messages");
        }
        messages = List.copyOf(messages);
        metadata = JsonValues.immutableObject(Objects.requireNonNull(metadata, "metadata"), "metadata");
    }

    /**
     * Starts a prompt with a name and no messages.
     *
     * @param name the prompt's name, unique within a plan
     * @return an empty prompt to add messages to
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Prompt named(String name) {
        return new Prompt(name, List.of(), Map.of());
    }

    /**
     * Loads a prompt from a JSON file {@code {"name", "messages":[{"role","content"}], "metadata"}}.
     *
     * @param file the JSON file
     * @return the prompt
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidPlanException if the file cannot be read or is not a valid prompt; the message
     *     names the file and the field
     * @see PromptJson
     */
    public static Prompt fromJson(Path file) {
        Objects.requireNonNull(file, "file");
        return PromptJson.read(JsonFields.of(JsonFiles.readTree(file), file.toString(), InvalidPlanException::new));
    }

    /**
     * Returns a copy with one more message at the end.
     *
     * @param message the message to append
     * @return the new prompt
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public Prompt message(Message message) {
        Objects.requireNonNull(message, "message");
        List<Message> copy = new ArrayList<>(messages);
        copy.add(message);
        return new Prompt(name, copy, metadata);
    }

    /**
     * Returns a copy with a system message appended.
     *
     * @param content the template
     * @return the new prompt
     * @throws NullPointerException if {@code content} is {@code null}
     */
    public Prompt system(String content) {
        return message(Message.system(content));
    }

    /**
     * Returns a copy with a user message appended.
     *
     * @param content the template
     * @return the new prompt
     * @throws NullPointerException if {@code content} is {@code null}
     */
    public Prompt user(String content) {
        return message(Message.user(content));
    }

    /**
     * Returns a copy with an assistant message appended (a few-shot example).
     *
     * @param content the template
     * @return the new prompt
     * @throws NullPointerException if {@code content} is {@code null}
     */
    public Prompt assistant(String content) {
        return message(Message.assistant(content));
    }

    /**
     * Returns a copy with one metadata entry added or replaced.
     *
     * @param key the key
     * @param value a JSON-like value: string, number, boolean, list or map of these
     * @return the new prompt
     * @throws NullPointerException if {@code key} or {@code value} is {@code null}
     * @throws IllegalArgumentException if {@code value} is not JSON-like
     */
    public Prompt withMetadata(String key, Object value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new Prompt(name, messages, copy);
    }

    /**
     * Returns a copy with another name.
     *
     * @param newName the new name
     * @return the new prompt
     * @throws NullPointerException if {@code newName} is {@code null}
     * @throws IllegalArgumentException if {@code newName} is blank
     */
    public Prompt withName(String newName) {
        return new Prompt(newName, messages, metadata);
    }

    /**
     * Returns the names of the template variables the messages use, in order of first use.
     *
     * @return the variable names, empty if the prompt has none
     */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (Message m : messages) {
            names.addAll(Template.parse(m.content()).variables());
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * Returns the messages with every {@code {{variable}}} replaced by its value (a string as is,
     * any other value as JSON), as the runner sends them.
     *
     * <pre>{@code
     * Prompt.named("v1").user("Classify: {{text}}").render(Map.of("text", "chest pain"));
     * // [Message[role=USER, content=Classify: chest pain]]
     * }</pre>
     *
     * @param vars the values by variable name
     * @return the rendered messages, in order
     * @throws NullPointerException if {@code vars} is {@code null}
     * @throws IllegalArgumentException if a message uses a variable {@code vars} lacks; the message
     *     names the prompt and the variable
     */
    public List<Message> render(Map<String, ?> vars) {
        Objects.requireNonNull(vars, "vars");
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) vars;
        List<Message> out = new ArrayList<>(messages.size());
        for (Message m : messages) {
            Template t = Template.parse(m.content());
            String content = t.isConstant() ? t.source() : t.render(values, v -> new IllegalArgumentException(
                    "prompt '" + name + "' uses variable '" + v + "' but no value was given for it (given: "
                            + (vars.isEmpty() ? "none" : String.join(", ", vars.keySet())) + ")"));
            out.add(new Message(m.role(), content));
        }
        return List.copyOf(out);
    }
}
