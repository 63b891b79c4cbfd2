package io.genesis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/configuration.md states every agent's defaults: they are the properties file's. */
class ConfigurationDocsTest {

    private static final String[] KEYS = {"topic", "max-retries", "retry-delay-seconds", "timeout-seconds", "consumers"};

    @Test
    void theAgentTableOfTheConfigurationPageIsThePropertiesFile() throws IOException {
        Properties config = new Properties();
        try (InputStream in = ConfigurationDocsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        List<String> expected = new ArrayList<>();
        for (String agent : config.getProperty("genesis.agents").split(",")) {
            StringBuilder row = new StringBuilder("| `").append(agent).append("` |");
            for (String key : KEYS) {
                String value = config.getProperty("genesis.agents." + agent + "." + key);
                row.append(' ').append(key.equals("topic") ? "`" + value + "`" : value).append(" |");
            }
            expected.add(row.toString());
        }
        List<String> documented = Files.readAllLines(Path.of("docs/configuration.md")).stream()
                .filter(line -> line.startsWith("| `") && line.chars().filter(c -> c == '|').count() == KEYS.length + 2)
                .toList();
        assertEquals(expected, documented);
    }
}
