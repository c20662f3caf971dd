package org.roadpulse.agent.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads agent and fleet settings from YAML. {@code ${NAME}} anywhere in the file is replaced by the environment
 * variable NAME ({@code ${NAME:-fallback}} gives a fallback), so secrets need not be written into the file.
 * Unknown keys are errors, so that a misspelt key does not silently fall back to a default.
 */
public final class SettingsFiles {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SettingsFiles() {
    }

    public static AgentSettings readAgent(Path file) throws IOException {
        return read(file, AgentSettings.class, System.getenv());
    }

    public static FleetSettings readFleet(Path file) throws IOException {
        return read(file, FleetSettings.class, System.getenv());
    }

    public static DemoDevices readDemoDevices(Path file) throws IOException {
        return read(file, DemoDevices.class, System.getenv());
    }

    static <T> T read(Path file, Class<T> type, Map<String, String> environment) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, type, environment::get);
    }

    static <T> T parse(String yaml, Class<T> type, Function<String, String> environment) throws IOException {
        return YAML.readValue(substitute(yaml, environment), type);
    }

    static String substitute(String text, Function<String, String> environment) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = environment.apply(matcher.group(1));
            if (value == null) {
                value = matcher.group(2) == null ? "" : matcher.group(2);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
