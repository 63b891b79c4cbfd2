package io.genesis.agents.llm;

/** One message of a chat completion: {@code system}, {@code user} or {@code assistant}, and its text. */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        if (!"system".equals(role) && !"user".equals(role) && !"assistant".equals(role)) {
            throw new IllegalArgumentException("chat message role must be system, user or assistant");
        }
        content = content == null ? "" : content;
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
