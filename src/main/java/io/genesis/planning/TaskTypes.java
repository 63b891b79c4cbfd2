package io.genesis.planning;

/**
 * The task types the planner emits, all from the HALO router's vocabulary (its rules and agent task types), plus the
 * commerce types of our commerce agent. {@code api_call}, {@code file_write} and {@code test_run} are atomic: one
 * concrete action each, never refined further.
 */
public final class TaskTypes {

    public static final String DESIGN = "design";
    public static final String ARCHITECTURE = "architecture";
    public static final String IMPLEMENT = "implement";
    public static final String FRONTEND = "frontend";
    public static final String BACKEND = "backend";
    public static final String TEST = "test";
    public static final String DEPLOY = "deploy";
    public static final String MARKETING = "marketing";
    public static final String CONTENT = "content";
    public static final String SEO = "seo";
    public static final String PAYMENTS = "payments";
    public static final String FULFILLMENT = "fulfillment";
    public static final String API_CALL = "api_call";
    public static final String FILE_WRITE = "file_write";
    public static final String TEST_RUN = "test_run";

    private TaskTypes() {
    }
}
