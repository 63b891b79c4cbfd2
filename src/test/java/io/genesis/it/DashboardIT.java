package io.genesis.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard at {@code /} in headless Chromium against the real WAR, Redis and PostgreSQL: signing in with a
 * pasted token, creating a business and following it live to SUCCESS, replaying a dead letter until its task
 * completes, approving an escalated payment, a tenant that sees only its own businesses, and every page without a
 * console error. Screenshots of each page land in {@code target/screenshots}.
 */
class DashboardIT {

    private static final String OPERATOR = DevTokens.mint("olivia", "default", List.of("tenant", "approver", "operator"), 3600);
    private static Browser browser;

    @BeforeAll
    static void serverReady() {
        Await.ready();
    }

    @BeforeEach
    void openBrowser() {
        Browser.requireChromium();
        if (browser == null) {
            browser = Browser.start();
        }
    }

    @AfterEach
    void noConsoleErrors(TestInfo test) {
        if (browser == null) {
            return;
        }
        browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "console errors in " + test.getDisplayName() + ": " + errors);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void everyPageRendersWithoutAConsoleErrorForAnOperator() {
        browser.signIn(OPERATOR);
        browser.await("readiness UP on the overview", d -> d.findElement(By.cssSelector("main .badge.st-up")).isDisplayed());
        browser.await("workers listed", d -> !browser.all("main table tbody tr").isEmpty());
        browser.screenshot("overview");
        for (String page : List.of("businesses", "dead-letters", "payments", "streams", "agents", "analytics")) {
            browser.go("#/" + page);
            assertTrue(browser.all("main .load-error").isEmpty(), page + ": " + browser.one("main").getText());
            assertFalse(browser.one("main h1").getText().isBlank(), page + " has a heading");
            browser.screenshot(page);
        }
        browser.go("#/streams/genesis.qa");
        assertTrue(browser.one("main h1").getText().contains("genesis.qa"));
        browser.screenshot("stream");
        browser.go("#/agents/qa_agent?window=day");
        assertEquals("day", new Select(browser.one("#window")).getFirstSelectedOption().getAttribute("value"));
        assertFalse(browser.all("main figure.chart svg path.series.processed").isEmpty(), "the agent's history chart");
        browser.screenshot("agent");
        browser.go("#/overview?window=week");
        browser.await("the week's task chart", d -> !d.findElements(By.cssSelector("#activity-h ~ figure.chart svg path.series")).isEmpty());
        browser.colourScheme(true);
        try {
            browser.go("#/overview");
            browser.await("readiness UP in dark mode", d -> d.findElement(By.cssSelector("main .badge.st-up")).isDisplayed());
            String background = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return getComputedStyle(document.body).backgroundColor");
            assertEquals("rgb(18, 22, 29)", background, "the dark palette applies");
            browser.screenshot("overview-dark");
        } finally {
            browser.colourScheme(false);
        }
    }

    @Test
    void aBusinessCreatedInTheDashboardRunsToSuccessLiveWithItsGraphGreen() {
        browser.signIn(OPERATOR);
        browser.go("#/businesses");
        new Select(browser.one("#new-type")).selectByValue("saas_tool");
        String name = "Dashboard SaaS " + UUID.randomUUID().toString().substring(0, 6);
        browser.one("#new-name").sendKeys(name);
        browser.one("#create-business button[type=submit]").click();

        browser.await("the business page", d -> d.getCurrentUrl().contains("#/businesses/biz_"));
        browser.await("the event stream live or done", d -> List.of("live", "ended").contains(d.findElement(By.id("live-state")).getText()));
        browser.await("the timeline reaches SUCCESS", Duration.ofSeconds(120),
                d -> !d.findElements(By.cssSelector("#timeline li[data-state=SUCCESS]")).isEmpty());
        browser.await("the status badge SUCCESS", d -> d.findElement(By.id("business-status")).getText().equals("SUCCESS"));
        List<WebElement> nodes = browser.await("the task graph", d -> {
            List<WebElement> all = d.findElements(By.cssSelector("svg.dag g.node"));
            return !all.isEmpty() && all.stream().allMatch(n -> "completed".equals(n.getAttribute("data-status"))) ? all : null;
        });
        assertTrue(nodes.size() > 5, "a saas_tool plan has many tasks: " + nodes.size());
        assertTrue(nodes.get(0).getAttribute("class").contains("st-completed"), "completed nodes are drawn green");
        String states = String.join(" ", browser.all("#timeline li").stream().map(li -> li.getAttribute("data-state")).toList());
        assertTrue(states.startsWith("INITIALIZING") || states.startsWith("GENERATING_IDEA"), states);
        assertTrue(states.contains("EXECUTING") && states.endsWith("SUCCESS"), states);
        WebElement deployment = browser.await("the deployment link", d -> d.findElement(By.id("deployment-link")));
        String site = deployment.getAttribute("href");
        assertTrue(site.startsWith(Api.BASE + "/sites/"), "the site Genesis serves for the business: " + site);
        browser.screenshot("business");

        nodes.get(0).sendKeys(Keys.ENTER);
        browser.await("the task detail opened from the keyboard", d -> d.findElement(By.id("task-detail")).getText().contains("Attempts"));

        browser.driver().get(site);
        browser.await("the business's site", d -> d.getPageSource().contains(name));
        browser.screenshot("business-site");
    }

    @Test
    void theListFollowsTheLiveFeedAndKeepsUpdatingAfterTheServerDropsTheConnection() {
        // a tenant of its own, so the list holds only what this test creates; the IT server ends every live stream
        // after 4 s (genesis.ops.events.max-seconds), so the page must reconnect to see later changes
        String token = DevTokens.mint("lin", "ui-live-" + UUID.randomUUID().toString().substring(0, 8), List.of("tenant"), 600);
        browser.signIn(token);
        browser.go("#/businesses");
        browser.await("the live connection", d -> "live".equals(d.findElement(By.id("live")).getAttribute("data-state")));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("document.querySelector('main .view').dataset.visit = 'one'"); // gone if the page were reloaded

        String first = Businesses.create("{\"business_type\":\"landing_page_waitlist\"}", Api.bearer(token));
        browser.await("the new business listed without reloading the page",
                d -> !d.findElements(By.cssSelector("main tbody a[href='#/businesses/" + first + "']")).isEmpty());
        int reconnects = reconnects();
        browser.await("the server ending the stream and the page reconnecting", Duration.ofSeconds(20),
                d -> reconnects() > reconnects && "live".equals(d.findElement(By.id("live")).getAttribute("data-state")));
        String second = Businesses.create("{\"business_type\":\"landing_page_waitlist\"}", Api.bearer(token));
        browser.await("a business created after the reconnect listed too",
                d -> !d.findElements(By.cssSelector("main tbody a[href='#/businesses/" + second + "']")).isEmpty());
        browser.await("the first business's status changed in place to SUCCESS", Duration.ofSeconds(120),
                d -> d.findElement(By.cssSelector(".status-cell[data-business='" + first + "']")).getText().equals("SUCCESS"));
        assertEquals("one", js.executeScript("return document.querySelector('main .view').dataset.visit"),
                "every update came over the live connection, none from reloading the page");
        browser.screenshot("businesses-live");

        browser.go("#/overview");
        browser.await("the tenant's businesses by status", d -> !d.findElements(By.cssSelector("main svg.bars g.st-success")).isEmpty());
    }

    private static int reconnects() {
        String count = browser.one("#live").getAttribute("data-reconnects");
        return count == null ? 0 : Integer.parseInt(count);
    }

    @Test
    void anOperatorSignsInThroughTheConfiguredOidcProviderWithPkce() {
        try (OidcProvider provider = OidcProvider.start("olga", "default", List.of("tenant", "approver", "operator"))) {
            browser.open("#/overview");
            ((JavascriptExecutor) browser.driver()).executeScript("sessionStorage.clear()");
            // an answer that no sign-in of this tab started is refused before any code is exchanged
            browser.driver().get(Api.BASE + "/?code=stolen&state=forged#/overview");
            browser.await("the forged answer refused", d -> d.findElement(By.id("sign-in-reason")).getText().contains("state"));
            assertFalse(browser.driver().getCurrentUrl().contains("code="), "the code leaves the address bar");
            assertTrue(provider.tokenCalls.isEmpty(), "no token request for a forged answer: " + provider.tokenCalls);

            browser.open("#/payments");
            browser.one("#oidc-sign-in").click();
            browser.await("signed in and back on the page asked for", d -> d.findElement(By.id("nav")).isDisplayed()
                    && d.getCurrentUrl().endsWith("/#/payments"));
            assertTrue(browser.one("#who-name").getText().startsWith("olga"), browser.one("#who-name").getText());
            browser.await("the payments page read from the API with the provider's access token",
                    d -> d.findElement(By.cssSelector("main h1")).getText().equals("Payments"));
            browser.screenshot("signed-in-with-oidc");

            assertEquals(1, provider.authorizations.size());
            Map<String, String> asked = provider.authorizations.get(0).query();
            assertEquals(OidcProvider.CLIENT_ID, asked.get("client_id"));
            assertEquals(Api.BASE + "/", asked.get("redirect_uri"));
            assertEquals("S256", asked.get("code_challenge_method"));
            assertEquals("openid", asked.get("scope"));
            assertFalse(asked.getOrDefault("nonce", "").isBlank(), "a nonce: " + asked);
            assertEquals(1, provider.tokenCalls.size());
            OidcProvider.TokenCall exchange = provider.tokenCalls.get(0);
            assertEquals(200, exchange.status(), "the provider checked client, redirect URI and PKCE verifier: " + exchange);
            assertEquals(asked.get("code_challenge"), OidcProvider.s256(exchange.form().get("code_verifier")));
            assertTrue(exchange.form().get("code_verifier").length() >= 43, "an RFC 7636 verifier");
            assertFalse(exchange.form().containsKey("client_secret"), "a public client has no secret");
        }
    }

    @Test
    void anApproverReleasesTheTasksASupervisedBusinessHeldAndItSucceeds() {
        String id = Businesses.create("{\"business_type\":\"landing_page_waitlist\",\"autonomous\":false,"
                + "\"requirements\":{\"description\":\"A waitlist page that will hack into competitor sites\"}}");
        browser.signIn(OPERATOR);
        browser.go("#/businesses/" + id);
        browser.await("a held task to decide", Duration.ofSeconds(30), d -> !browser.all(".actions[data-task]").isEmpty());
        browser.screenshot("business-held");
        Await.until("every held task approved from the page", Duration.ofSeconds(120), () -> {
            List<WebElement> held = browser.all(".actions[data-task]");
            if (!held.isEmpty()) {
                String task = held.get(0).getAttribute("data-task");
                held.get(0).findElement(By.cssSelector("input[name=comment]")).sendKeys("reviewed in the dashboard");
                held.get(0).findElement(By.xpath(".//button[text()='Approve']")).click();
                browser.await("task " + task + " no longer held", d -> d.findElements(
                        By.cssSelector(".actions[data-task='" + task + "']")).isEmpty());
            }
            return browser.all(".actions[data-task]").size();
        }, remaining -> remaining == 0);
        browser.await("SUCCESS after the approvals", Duration.ofSeconds(120),
                d -> d.findElement(By.id("business-status")).getText().equals("SUCCESS"));
    }

    @Test
    void deadLettersAreReadAndTheSelectedOneIsReplayedUntilItsTaskCompletes() {
        // a poison task dead-lettered by the real runtime, and one that failed for a reason that has gone away since
        // (written in the documented layout: its envelope carries no failure hook, so a replay completes)
        String poison = Tasks.publish("{\"topic\":\"genesis.qa\",\"content\":{\"simulate\":{\"fail_permanently\":true}}}");
        Tasks.awaitStatus(poison, "dead_lettered", Duration.ofSeconds(30));
        String recoverable = UUID.randomUUID().toString();
        try (BusRedis redis = new BusRedis()) {
            redis.deadLetter("genesis.qa", "qa_agent", recoverable, 4, "VendorTimeout: upstream did not answer");
        }
        browser.signIn(OPERATOR);
        browser.go("#/dead-letters");
        browser.one("a[href='#/dead-letters/genesis.qa']").click();
        WebElement real = browser.one("li.dead-letter[data-task='" + poison + "']");
        assertTrue(real.getText().contains("simulated permanent failure"), real.getText());
        real.findElement(By.tagName("summary")).click();
        assertEquals(4, real.findElements(By.cssSelector("details tbody tr")).size(), "every attempt of the history");
        WebElement entry = browser.one("li.dead-letter[data-task='" + recoverable + "']");
        assertTrue(entry.getText().contains("VendorTimeout"), entry.getText());
        browser.screenshot("dead-letters-topic");
        entry.findElement(By.cssSelector("input[type=checkbox]")).click();
        browser.one("#replay-selected").click();
        browser.await("the replay outcome", d -> d.findElement(By.id("replay-outcome")).getText().contains("Replayed 1"));
        browser.await("the replayed entry gone, the other still listed", d -> d.findElements(
                By.cssSelector("li.dead-letter[data-task='" + recoverable + "']")).isEmpty());
        browser.one("li.dead-letter[data-task='" + poison + "']");
        browser.one("#replay-outcome a[href='#/tasks/" + recoverable + "']").click();
        browser.await("the replayed task completed", Duration.ofSeconds(30),
                d -> d.findElement(By.id("task-status")).getText().equals("completed"));
        assertTrue(browser.one("main").getText().contains("VendorTimeout"), "the earlier attempts stay in the history");
        browser.screenshot("task");
    }

    @Test
    void anApproverApprovesAnEscalatedPaymentSeeingEveryRuleCheck() {
        browser.signIn(OPERATOR);
        browser.go("#/payments");
        // created just before the page reloads: undecided approvals expire after a few seconds on the test server
        JsonObject pending = Payments.buy(Payments.body(Payments.business(), "builder_agent",
                Payments.VENDORS + "gpu-runs/v1/runs?quote_cents=6000", "load test fleet"));
        assertEquals("PENDING_APPROVAL", pending.getString("status"), pending.toString());
        String id = pending.getString("payment_id");
        browser.go("#/payments?status=PENDING_APPROVAL");
        WebElement card = browser.one("li.approval[data-payment='" + id + "']");
        assertTrue(card.findElements(By.cssSelector("tbody tr")).size() >= 3, "each rule's check is listed: " + card.getText());
        browser.screenshot("payments-approval");
        card.findElement(By.cssSelector("input[name=rationale]")).sendKeys("release gate");
        card.findElement(By.cssSelector("button.approve")).click();
        browser.await("the decision", d -> d.findElement(By.id("flash")).getText().contains(id + ": CAPTURED"));
        assertEquals("CAPTURED", Payments.get(id).getString("status"));
    }

    @Test
    void aTenantSeesItsOwnBusinessesAndNotAnotherTenants() {
        String ownToken = DevTokens.mint("uma", "ui-umbrella", List.of("tenant"), 600);
        String own = Businesses.create("{\"business_type\":\"saas_tool\"}", Api.bearer(ownToken));
        String other = Businesses.create("{\"business_type\":\"saas_tool\"}",
                Api.bearer(DevTokens.mint("ivy", "ui-initech", List.of("tenant"), 600)));
        browser.signIn(ownToken);
        browser.go("#/businesses");
        browser.one("a[href='#/businesses/" + own + "']");
        assertTrue(browser.all("a[href='#/businesses/" + other + "']").isEmpty(), "another tenant's business is not listed");
        assertFalse(browser.one("a[href='#/dead-letters']").isDisplayed(), "no operator pages for a tenant");
        browser.screenshot("tenant-businesses");
        browser.go("#/businesses?type=saas_tool&q=" + own);
        assertEquals("saas_tool", new Select(browser.one("#filter-type")).getFirstSelectedOption().getAttribute("value"),
                "the filters are read from the URL");
        assertEquals(1, browser.all("main tbody a[href^='#/businesses/biz_']").size(), "one business matches " + own);
        // the name and date filters are the API's (query parameters), so they hold beyond the first page too
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        browser.go("#/businesses?q=" + own + "&from=" + java.time.LocalDate.parse(today).minusDays(1));
        assertEquals(1, browser.all("main tbody a[href='#/businesses/" + own + "']").size(), "created since yesterday");
        assertEquals(java.time.LocalDate.parse(today).minusDays(1).toString(), browser.one("#filter-from").getAttribute("value"));
        browser.go("#/businesses?q=" + own + "&to=" + java.time.LocalDate.parse(today).minusDays(2));
        assertTrue(browser.all("main tbody a[href^='#/businesses/biz_']").isEmpty(), "nothing created two days ago");
        browser.go("#/overview");
        browser.await("the tenant's overview", d -> d.findElement(By.cssSelector("main h1")).getText().equals("Overview"));
    }
}
