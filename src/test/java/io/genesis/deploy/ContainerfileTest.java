package io.genesis.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The invariants of the production image that can be checked without a container engine: the Containerfile's
 * instructions (continuation lines joined, comments dropped) and the build context it is allowed to see.
 */
class ContainerfileTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i)PASSWORD|SECRET|PRIVATE|API_KEY|TOKEN|AUTHORIZATION|CREDENTIAL");

    private static List<String> instructions;

    @BeforeAll
    static void read() throws IOException {
        instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("Containerfile"))) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            current.append(line.strip());
            if (line.endsWith("\\")) {
                current.setLength(current.length() - 1);
                current.append(' ');
            } else {
                instructions.add(current.toString());
                current.setLength(0);
            }
        }
    }

    @Test
    void baseImageIsTheOpenLibertyKernelSlimUbiPinnedToTheProjectsLibertyVersion() throws IOException {
        String base = only("ARG BASE_IMAGE=").substring("ARG BASE_IMAGE=".length());
        assertTrue(base.startsWith("icr.io/appcafe/open-liberty:"), base);
        String tag = base.substring(base.indexOf(':') + 1);
        assertFalse(tag.contains("latest"), base);
        String libertyVersion = pomProperty("openliberty.version");
        assertTrue(tag.startsWith(libertyVersion + "-kernel-slim-java17-") && tag.contains("-ubi"),
                "versioned kernel-slim UBI tag of Liberty " + libertyVersion + ": " + base);
        assertEquals("FROM ${BASE_IMAGE}", only("FROM "));
    }

    @Test
    void featuresAreInstalledFromServerXmlBeforeTheApplicationAndConfigureRunsLast() {
        int serverXml = index("COPY --chown=1001:0 src/main/liberty/config/server.xml");
        int features = index("RUN features.sh");
        int war = index("COPY --chown=1001:0 target/genesis.war /config/apps/genesis.war");
        int configure = index("RUN configure.sh");
        assertTrue(serverXml < features && features < war && war < configure, instructions.toString());
        List<String> runs = instructions.stream().filter(i -> i.startsWith("RUN ")).toList();
        assertEquals(List.of("RUN features.sh", "RUN configure.sh"), runs, "nothing else is installed");
    }

    @Test
    void runsAsNonRootUserInGroupZero() {
        List<String> users = instructions.stream().filter(i -> i.startsWith("USER ")).toList();
        assertEquals(List.of("USER 1001"), users);
        assertEquals("USER 1001", instructions.get(instructions.size() - 2), "USER is set after every RUN");
        instructions.stream().filter(i -> i.startsWith("COPY ")).forEach(copy ->
                assertTrue(copy.startsWith("COPY --chown=1001:0 "), "group 0 owns what is copied: " + copy));
    }

    @Test
    void exposesLibertysHttpAndHttpsPorts() {
        assertEquals("EXPOSE 9080 9443", only("EXPOSE "));
    }

    @Test
    void noSecretsNoDevServicesNoDevKeysInTheImage() throws IOException {
        for (String instruction : instructions) {
            if (instruction.startsWith("ENV ") || instruction.startsWith("ARG ") || instruction.startsWith("LABEL ")) {
                assertFalse(SECRET_NAME.matcher(instruction).find(), "no secret in the image: " + instruction);
            }
            assertFalse(instruction.matches(".*(src/dev|src/test|dev-services|embedded|zonky|codemonstur|\\.pem|\\.key).*"),
                    "nothing for development or tests: " + instruction);
        }
        assertTrue(instructions.contains("ENV GENESIS_DEV_SERVICES_ENABLED=false"));
        List<String> context = Files.readAllLines(Path.of(".containerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals("*", context.get(0), "the build context starts empty");
        context.stream().skip(1).forEach(include -> {
            assertTrue(include.startsWith("!"), include);
            assertFalse(include.matches(".*(src/dev|src/test|dev-services|\\.pem).*"), include);
        });
    }

    @Test
    void globalLibraryHoldsOnlyThePostgresqlDriverThatMavenCopies() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<outputDirectory>${project.build.directory}/image/lib/global</outputDirectory>"), "mvn package fills target/image/lib/global");
        assertTrue(instructions.contains("COPY --chown=1001:0 target/image/lib/global/ /config/lib/global/"));
        assertTrue(Files.readString(Path.of("src/main/liberty/config/server.xml")).contains("<jdbcDriver libraryRef=\"global\"/>"),
                "server.xml loads the driver from the global library");
    }

    private static String only(String prefix) {
        List<String> found = instructions.stream().filter(i -> i.startsWith(prefix)).toList();
        assertEquals(1, found.size(), prefix + " " + found);
        return found.get(0);
    }

    /** Position of the first instruction that starts with {@code prefix}. */
    private static int index(String prefix) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("missing: " + prefix + " in " + instructions);
    }

    private static String pomProperty(String name) throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        int start = pom.indexOf("<" + name + ">") + name.length() + 2;
        return pom.substring(start, pom.indexOf("</" + name + ">", start));
    }
}
