package org.roadpulse.ingest.sites;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The measurement sites of the demo's simulated devices, as listed in the resource {@value #RESOURCE}. */
public final class DemoSites {

    public static final String RESOURCE = "demo-sites.yml";

    private DemoSites() {
    }

    public static List<MeasurementSite> load() {
        try (InputStream in = DemoSites.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, List<Map<String, Object>>> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return root.get("sites").stream().map(DemoSites::site).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static MeasurementSite site(Map<String, Object> entry) {
        Map<String, Object> road = (Map<String, Object>) entry.getOrDefault("road", Map.of());
        Map<String, Object> location = (Map<String, Object>) required(entry, "location");
        Map<String, Object> lanes = (Map<String, Object>) required(entry, "lanes");
        Map<String, Object> labels = (Map<String, Object>) entry.getOrDefault("directionLabels", Map.of());
        Object speedLimit = entry.get("speedLimitKmh");
        return new MeasurementSite(
                required(entry, "id").toString(),
                required(entry, "municipality").toString(),
                required(entry, "name").toString(),
                text(road.get("name")),
                text(road.get("number")),
                ((Number) required(location, "latitude")).doubleValue(),
                ((Number) required(location, "longitude")).doubleValue(),
                ((Number) lanes.getOrDefault("forward", 0)).intValue(),
                ((Number) lanes.getOrDefault("backward", 0)).intValue(),
                text(labels.get("forward")),
                text(labels.get("backward")),
                speedLimit == null ? null : ((Number) speedLimit).intValue(),
                ((List<Object>) entry.getOrDefault("devices", List.of())).stream().map(Object::toString).toList());
    }

    private static Object required(Map<String, Object> entry, String key) {
        Object value = entry.get(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + ": an entry lacks '" + key + "': " + entry);
        }
        return value;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
