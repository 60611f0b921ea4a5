package dev.bench4j.core.internal.run;

import dev.bench4j.core.Message;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Trial;
import dev.bench4j.core.internal.Template;
import java.util.ArrayList;
import java.util.List;

/** Renders the plan's prompts with a trial's variables; each message template is parsed once. */
public final class PromptRenderer {

    private final List<Prompt> prompts;
    private final Template[][] templates;

    /**
     * Parses every message of every prompt.
     *
     * @param prompts the plan's prompts
     */
    public PromptRenderer(List<Prompt> prompts) {
        this.prompts = prompts;
        this.templates = new Template[prompts.size()][];
        for (int p = 0; p < prompts.size(); p++) {
            List<Message> ms = prompts.get(p).messages();
            templates[p] = new Template[ms.size()];
            for (int k = 0; k < ms.size(); k++) {
                templates[p][k] = Template.parse(ms.get(k).content());
            }
        }
    }

    /**
     * Returns the messages of a prompt with a trial's variables filled in.
     *
     * @param prompt the prompt's position in the plan
     * @param trial the trial
     * @return the rendered messages
     * @throws IllegalStateException if the prompt uses a variable the trial lacks
     */
    public List<Message> render(int prompt, Trial trial) {
        Prompt source = prompts.get(prompt);
        List<Message> messages = source.messages();
        List<Message> out = new ArrayList<>(messages.size());
        for (int k = 0; k < messages.size(); k++) {
            Template tpl = templates[prompt][k];
            String content = tpl.isConstant() ? tpl.source() : tpl.render(trial.vars(), v -> new IllegalStateException(
                    "Prompt '" + source.name() + "' uses variable '" + v + "' but trial '" + trial.id() + "' has no such variable"));
            out.add(new Message(messages.get(k).role(), content));
        }
        return out;
    }
}
