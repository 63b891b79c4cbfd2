package io.genesis.sites;

import io.genesis.agents.SiteDefaults;
import io.genesis.agents.TaskBrief;
import io.genesis.api.JsonConventions;
import io.genesis.catalog.BusinessArchetypes;
import io.genesis.catalog.TaskAssignment;
import io.genesis.runtime.AgentHandler;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.TaskContext;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The deploy of a business publishes its site, whichever handler does the deploy's work: after the work, the site is
 * generated from the business's completed artefacts (the deploy's own included; the offline pricing, content and SEO
 * artefacts fill in for roles the plan did not run), staged as a new version in one transaction, and the result's
 * {@code deployment_url} becomes the site's absolute URL ({@code provider: "genesis"}, {@code site: {slug, version,
 * state, pages}}). Staged is not live: the version goes live in the transaction that moves the business to SUCCESS,
 * and is discarded if it ends otherwise. A failure to stage fails the attempt, so the runtime retries it (each attempt
 * stages its own version). Innermost of the handler decorators, so the purchase is released and the grade sees the
 * real URL. While {@code genesis.simulation.enabled}, {@code simulate.fail_after_publish_times: N} fails the first N
 * attempts after they staged their version (how tests show that a staged version of a failed business never goes live).
 */
@Decorator
@Priority(SitePublication.PRIORITY)
public abstract class SitePublication implements AgentHandler {

    /** After (inside) the purchase decorator at {@code APPLICATION + 100}. */
    public static final int PRIORITY = Interceptor.Priority.APPLICATION + 200;
    static final String DEPLOY = "deploy";
    /** Test hook ({@code simulate.<agent>.fail_after_publish_times}, only while simulation is enabled). */
    static final String FAIL_AFTER_PUBLISH = "fail_after_publish_times";
    private static final Logger LOG = Logger.getLogger(SitePublication.class.getName());

    @Inject
    @Delegate
    @Any
    AgentHandler delegate;

    @Inject
    SiteStorage storage;

    @Inject
    SiteAddresses addresses;

    @Inject
    BusinessArtefacts artefacts;

    @Inject
    BusinessArchetypes archetypes;

    @Inject
    @ConfigProperty(name = "genesis.simulation.enabled")
    boolean simulation;

    /** The failure the {@value #FAIL_AFTER_PUBLISH} test hook asks for, after a version was staged. */
    public static final class SimulatedFailureAfterPublish extends Exception {
        SimulatedFailureAfterPublish(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public AgentResult handle(TaskContext task) throws Exception {
        AgentResult result = delegate.handle(task);
        JsonValue content = task.envelope().content();
        String businessId = task.envelope().businessId();
        if (!DEPLOY.equals(TaskAssignment.taskTypeOf(content).orElse(null)) || businessId == null || businessId.isBlank()
                || !(result.output() instanceof JsonObject output)) {
            return result;
        }
        TaskBrief brief = TaskBrief.of(content, JsonValue.EMPTY_JSON_OBJECT, archetypes);
        List<JsonObject> found = new ArrayList<>(artefacts.completedResults(businessId));
        found.add(output);
        found.addAll(SiteDefaults.of(brief));
        SiteContent site = SiteContent.of(brief.businessName(), brief.description(), brief.features(), brief.targetMarket(), found);
        String slug = SiteAddresses.slug(businessId, site.name());
        String url = addresses.url(slug);
        List<SiteFile> files = SiteGenerator.generate(site, url);
        int version = storage.stage(new SiteStorage.Staging(slug, businessId, task.envelope().tenantId(),
                task.envelope().taskId(), task.attempt()), files);
        LOG.info("Site " + slug + " version " + version + " staged (" + files.size() + " files) by deploy task "
                + task.envelope().taskId() + " of business " + businessId + "; live when the business succeeds");
        int failAfterPublish = simulation && content instanceof JsonObject json && json.get("simulate") instanceof JsonObject hooks
                ? hooks.getInt(FAIL_AFTER_PUBLISH, 0) : 0;
        if (task.attempt() <= failAfterPublish) {
            throw new SimulatedFailureAfterPublish("simulated failure " + task.attempt() + " of " + failAfterPublish
                    + " after staging version " + version + " of site " + slug);
        }
        JsonArrayBuilder pages = JsonConventions.json().createArrayBuilder();
        files.stream().filter(file -> SiteFile.HTML.equals(file.contentType())).forEach(file -> pages.add(url + file.path()));
        JsonObject published = JsonConventions.json().createObjectBuilder(output)
                .add("deployment_url", url)
                .add("provider", "genesis")
                .add("site", JsonConventions.json().createObjectBuilder()
                        .add("slug", slug).add("version", version).add("state", "staged").add("files", files.size())
                        .add("pages", pages))
                .build();
        return result.withOutput(published);
    }
}
