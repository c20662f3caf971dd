package org.roadpulse.ingest.devices;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The simulated devices of the demo, as listed in the resource {@value #RESOURCE}. */
public final class DemoDevices {

    public static final String RESOURCE = "demo-devices.yml";

    /** One simulated roadside unit; its secret is public and for the demo only. */
    public record DemoDevice(String id, String municipality, String name, String secret, String transport) {
    }

    private DemoDevices() {
    }

    public static List<DemoDevice> load() {
        try (InputStream in = DemoDevices.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, List<Map<String, Object>>> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return root.get("devices").stream()
                    .map(d -> new DemoDevice(text(d, "id"), text(d, "municipality"), text(d, "name"),
                            text(d, "secret"), text(d, "transport")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Map<String, Object> entry, String key) {
        Object value = entry.get(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + ": an entry lacks '" + key + "': " + entry);
        }
        return value.toString();
    }
}
