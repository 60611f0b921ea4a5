package dev.bench4j.core;

import java.util.Locale;
import java.util.Objects;

/**
 * One chat message in the OpenAI messages format: a role and its content.
 *
 * <p>In a {@link Prompt} the content is a template: {@code {{name}}} is replaced by the trial's
 * variable of that name when a cell is run.
 *
 * <pre>{@code
 * Message m = Message.user("Classify: {{text}}");
 * }</pre>
 *
 * @param role who speaks
 * @param content what is said (may be empty, never {@code null})
 */
public record Message(Role role, String content) {

    /** Who speaks a message. */
    public enum Role {
        /** Instructions for the model. */
        SYSTEM,
        /** The user's turn. */
        USER,
        /** The model's turn (for few-shot examples). */
        ASSISTANT;

        /**
         * Returns the role's name in the OpenAI wire format ({@code system}, {@code user}, {@code assistant}).
         *
         * @return the lower-case name
         */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses a role from its wire name, ignoring case.
         *
         * @param name {@code system}, {@code user} or {@code assistant}
         * @return the role
         * @throws IllegalArgumentException if the name is none of these
         */
        public static Role fromWireName(String name) {
            Objects.requireNonNull(name, "name");
            for (Role r : values()) {
                if (r.wireName().equalsIgnoreCase(name.trim())) {
                    return r;
                }
            }
            throw new IllegalArgumentException(
                    "role must be one of system, user, assistant but was '" + name + "'");
        }
    }

    /**
     * Validates the components.
     *
     * @throws NullPointerException if {@code role} or {@code content} is {@code null}
     */
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /**
     * Creates a system message.
     *
     * @param content the content (a template in a prompt)
     * @return the message
     * @throws NullPointerException if {@code content} is {@code null}
     */
    public static Message system(String content) {
        return new Message(Role.SYSTEM, content);
    }

    /**
     * Creates a user message.
     *
     * @param content the content (a template in a prompt)
     * @return the message
     * @throws NullPointerException if {@code content} is {@code null}
     */
    public static Message user(String content) {
        return new Message(Role.USER, content);
    }

    /**
     * Creates an assistant message.
     *
     * @param content the content (a template in a prompt)
     * @return the message
     * @throws NullPointerException if {@code content} is {@code null}
     */
    public static Message assistant(String content) {
        return new Message(Role.ASSISTANT, content);
    }
}
