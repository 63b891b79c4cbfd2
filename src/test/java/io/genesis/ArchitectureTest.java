package io.genesis;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules every class of {@code src/main} meets, one test each, without exceptions: a class that needs to break one
 * is a design decision to make here, in the open, by changing the rule.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final int MAX_LINES = 300;

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.genesis");
        assertTrue(production.size() > 100, "the production classes were imported");
    }

    // ---- dependencies point one way

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("io.genesis.(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void theCatalogueImportsNothingOfOursAndTalksToNothing() {
        noClasses().that().resideInAPackage("io.genesis.catalog..").should().dependOnClassesThat(
                resideInAPackage("io.genesis..").and(not(resideInAPackage("io.genesis.catalog..")))
                        .or(resideInAnyPackage("org.eclipse.microprofile..", "redis.clients..", "java.sql..", "javax.sql..",
                                "jakarta.ws.rs..", "java.net.http..", "jakarta.persistence.."))).check(production);
    }

    @Test
    void theRuntimeKnowsOnlyHandlers() {
        noClasses().that().resideInAPackage("io.genesis.runtime..").should().dependOnClassesThat()
                .resideInAnyPackage("io.genesis.businesses..", "io.genesis.payments..", "io.genesis.agents..",
                        "io.genesis.quality..").check(production);
    }

    @Test
    void agentsAndTeamsKnowTheCatalogueNotTheBusinessesOrPayments() {
        noClasses().that().resideInAnyPackage("io.genesis.agents..", "io.genesis.teams..").should()
                .dependOnClassesThat().resideInAnyPackage("io.genesis.businesses..", "io.genesis.payments..").check(production);
    }

    @Test
    void retryTimingImportsNothingOfOurs() {
        noClasses().that().resideInAPackage("io.genesis.retry..").should().dependOnClassesThat(
                resideInAPackage("io.genesis..").and(not(resideInAPackage("io.genesis.retry..")))).check(production);
    }

    @Test
    void theModelSeamKnowsNeitherTheRuntimeNorItsWebhooks() {
        noClasses().that().resideInAPackage("io.genesis.agents.llm..").should().dependOnClassesThat()
                .resideInAnyPackage("io.genesis.runtime..", "io.genesis.businesses..", "io.genesis.payments..").check(production);
    }

    @Test
    void gradingCallsNoRemoteServiceNorAnLlm() {
        noClasses().that().resideInAPackage("io.genesis.quality..").should().dependOnClassesThat()
                .resideInAnyPackage("io.genesis.agents..", "java.net.http..", "redis.clients..", "java.sql..", "javax.sql..").check(production);
    }

    @Test
    void theApiDocumentKnowsOnlyRolesOfOurs() {
        noClasses().that().resideInAPackage("io.genesis.openapi..").should().dependOnClassesThat(
                resideInAPackage("io.genesis..").and(not(resideInAnyPackage("io.genesis.openapi..")))
                        .and(not(resideInAPackage("io.genesis.security")))).check(production);
    }

    @Test
    void routingAndTeamsArePureAlgorithms() {
        noClasses().that().resideInAnyPackage("io.genesis.routing..", "io.genesis.teams..", "io.genesis.planning..",
                        "io.genesis.validation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.genesis.runtime..", "io.genesis.agents..",
                        "io.genesis.redis..", "redis.clients..", "java.sql..", "javax.sql..", "java.net.http..", "jakarta.ws.rs..").check(production);
    }

    // ---- the platform at the boundary

    @Test
    void nothingButItsOwnPackageUsesABoundary() {
        classes().should(new ArchCondition<>("use a ..boundary.. package only from inside that same package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    if (isBoundary(target) && !target.equals(origin.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        }).check(production);
    }

    @Test
    void onlyBoundariesAndTheProblemMapperSpeakJaxRs() {
        noClasses().that(outsideTheEdge()).and(not(assignableTo("jakarta.ws.rs.core.Application")))
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..").check(production);
    }

    @Test
    void controlCodeThrowsDomainExceptionsNotHttpProblems() {
        noClasses().that(outsideTheEdge()).should().dependOnClassesThat()
                .haveFullyQualifiedName("io.genesis.problem.Problem")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.genesis.problem.ProblemException").check(production);
    }

    @Test
    void theProblemFamilyImportsNothingOfGenesis() {
        noClasses().that().resideInAPackage("io.genesis.problem..").should().dependOnClassesThat(
                resideInAPackage("io.genesis..").and(not(resideInAPackage("io.genesis.problem..")))).check(production);
    }

    // ---- fail closed: every resource method carries a role decision

    @Test
    void everyResourceMethodCarriesARoleDecisionAndNoneIsPublic() {
        Set<String> undecided = new TreeSet<>();
        Set<String> resourceMethods = new TreeSet<>();
        for (JavaClass type : production) {
            Class<?> resource = type.reflect();
            for (java.lang.reflect.Method method : resource.getDeclaredMethods()) {
                if (Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class)
                        .noneMatch(method::isAnnotationPresent)) {
                    continue;
                }
                String name = resource.getSimpleName() + "." + method.getName();
                resourceMethods.add(name);
                boolean decided = method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(DenyAll.class)
                        || resource.isAnnotationPresent(RolesAllowed.class) || resource.isAnnotationPresent(DenyAll.class);
                if (!decided || method.isAnnotationPresent(PermitAll.class) || resource.isAnnotationPresent(PermitAll.class)) {
                    undecided.add(name);
                }
            }
        }
        assertTrue(resourceMethods.size() > 30, "the resource methods were found: " + resourceMethods);
        assertEquals(Set.of(), undecided, "resource methods without @RolesAllowed/@DenyAll (or @PermitAll, which /api never is)");
    }

    @Test
    void theOnlyPublicPathsOutsideApiAreTheSitesTheSimulationTheErrorPageAndTheDashboardSignIn() {
        // /api is behind the role filter; a servlet answers without a token, so each one is a decision made here:
        // /sites/* serves the live files of businesses' sites and takes their waitlist forms, nothing else
        Set<String> patterns = new TreeSet<>();
        for (JavaClass type : production) {
            WebServlet servlet = type.reflect().getAnnotation(WebServlet.class);
            if (servlet != null) {
                patterns.addAll(List.of(servlet.urlPatterns()));
                patterns.addAll(List.of(servlet.value()));
            }
        }
        // /dashboard/config.json tells the dashboard's page, before anyone signs in, whether and where to sign in with
        // OpenID Connect: the issuer, endpoints, client id and scopes of a public client, nothing secret
        assertEquals(new TreeSet<>(Set.of("/dashboard/config.json", "/problem", "/sim/x402/facilitator/*", "/sim/x402/vendors/*",
                "/sites/*")), patterns);
    }

    @Test
    void sitesKnowNeitherBusinessesNorPayments() {
        noClasses().that().resideInAPackage("io.genesis.sites..").should().dependOnClassesThat()
                .resideInAnyPackage("io.genesis.businesses..", "io.genesis.payments..").check(production);
    }

    // ---- Redis and SQL behind a few classes

    @Test
    void jedisOnlyInTheRuntimeAndRedisPackages() {
        noClasses().that().resideOutsideOfPackages("io.genesis.runtime..", "io.genesis.redis..")
                .should().dependOnClassesThat().resideInAPackage("redis.clients..").check(production);
    }

    @Test
    void jdbcOnlyInStores() {
        noClasses().that().resideOutsideOfPackages("..store..", "io.genesis.schema..", "io.genesis.health..",
                        "io.genesis.devservices..").and(not(topLevelNameEndingWith("Store")))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..").check(production);
    }

    @Test
    void onePersistenceStyleJdbcNoJpa() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..").check(production);
    }

    @Test
    void databaseConnectionsAreUnshareable() {
        // a shareable connection stays with its thread's local transaction: on a long-lived handler thread, for the
        // thread's life (the pool runs dry, and a PostgreSQL restart leaves the thread a dead connection)
        fields().that().haveRawType(DataSource.class).should(new ArchCondition<>("be injected as an unshareable resource") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                boolean unshareable = field.tryGetAnnotationOfType(Resource.class).map(resource -> !resource.shareable()).orElse(false);
                events.add(new SimpleConditionEvent(field, unshareable,
                        field.getFullName() + " is not @Resource(lookup = \"jdbc/genesis\", shareable = false)"));
            }
        }).check(production);
    }

    // ---- the shape of the tree

    @Test
    void everyPackageSaysWhatItOwnsAndWhatItMustNotDo() throws IOException {
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> tree = Files.walk(SOURCES)) {
            for (Path dir : tree.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> files = Files.list(dir)) {
                    hasJava = files.anyMatch(file -> file.toString().endsWith(".java"));
                }
                if (!hasJava) {
                    continue;
                }
                Path info = dir.resolve("package-info.java");
                String name = SOURCES.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), ".");
                if (!Files.exists(info) || !Files.readString(info).toLowerCase(Locale.ROOT).contains("must not")) {
                    missing.add(name);
                }
            }
        }
        assertEquals(Set.of(), missing, "every package has a package-info.java saying what it owns and what it must not do");
    }

    @Test
    void noClassOverThreeHundredLinesUnlessItsJavadocSaysWhy() throws IOException {
        Set<String> tooLong = new TreeSet<>();
        for (Path file : javaSources()) {
            String text = Files.readString(file);
            if (text.lines().count() > MAX_LINES && !TYPE_JAVADOC_EXPLAINS_LENGTH.matcher(text).find()) {
                tooLong.add(className(file));
            }
        }
        assertEquals(Set.of(), tooLong,
                "no class over " + MAX_LINES + " lines unless its javadoc says why (\"longer than 300 lines because ...\")");
    }

    @Test
    void noTodoInProductionCode() throws IOException {
        Set<String> withTodo = new TreeSet<>();
        for (Path file : javaSources()) {
            if (TODO.matcher(Files.readString(file)).find()) {
                withTodo.add(className(file));
            }
        }
        assertEquals(Set.of(), withTodo, "no TODO or FIXME in src/main");
    }

    // ---- helpers

    private static final Pattern TYPE_JAVADOC_EXPLAINS_LENGTH = Pattern.compile(
            "(?i)longer than 300 lines because");
    private static final Pattern TODO = Pattern.compile("\\b(TODO|FIXME|XXX)\\b");

    /** Classes outside the HTTP edge: neither in a boundary package nor in the problem mapper's package. */
    private static DescribedPredicate<JavaClass> outsideTheEdge() {
        return DescribedPredicate.describe("are control code (outside ..boundary.. and io.genesis.problem)",
                javaClass -> !isBoundary(javaClass.getPackageName()) && !javaClass.getPackageName().startsWith("io.genesis.problem"));
    }

    /** A class whose top-level class's simple name ends so (a store's nested exceptions belong to the store). */
    private static DescribedPredicate<JavaClass> topLevelNameEndingWith(String suffix) {
        return DescribedPredicate.describe("top-level simple name ending with '" + suffix + "'",
                javaClass -> topLevel(javaClass).endsWith(suffix));
    }

    private static boolean isBoundary(String packageName) {
        return packageName.startsWith("io.genesis.") && (packageName.endsWith(".boundary") || packageName.contains(".boundary."));
    }

    private static String topLevel(JavaClass javaClass) {
        String name = javaClass.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> tree = Files.walk(SOURCES)) {
            return tree.filter(file -> file.toString().endsWith(".java") && !file.endsWith("package-info.java")).sorted().toList();
        }
    }

    private static String className(Path file) {
        String relative = SOURCES.relativize(file).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace(file.getFileSystem().getSeparator(), ".");
    }
}
