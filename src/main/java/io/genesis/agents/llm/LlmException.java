package io.genesis.agents.llm;

/**
 * The configured model could not give a completion: a refused request (4xx other than 429), retries exhausted on
 * 429/5xx or network errors, or an answer that is not a chat completion. The message never holds the API key.
 *
 * @see #status()
 */
public class LlmException extends RuntimeException {

    private final int status;

    public LlmException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status of the last answer, 0 when there was none (timeout, connection error). */
    public int status() {
        return status;
    }
}
