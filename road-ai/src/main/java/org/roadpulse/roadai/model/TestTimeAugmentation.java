package org.roadpulse.roadai.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.roadpulse.roadai.images.PatchPixels;

/**
 * One extra view of a patch whose class probabilities are averaged with the original's at test time. A crack or a
 * pothole is the same damage mirrored, upside down or under a little more or less light (training already varies all
 * of these), so averaging over such views smooths out what the network happened to learn about one orientation.
 * The name is what the model file and the command line use.
 */
public enum TestTimeAugmentation {
    HFLIP("hflip", PatchPixels::mirrored),
    VFLIP("vflip", PatchPixels::upsideDown),
    /** Both flips: a half turn. */
    HVFLIP("hvflip", patch -> patch.mirrored().upsideDown()),
    /** +10 % of the 0..255 range: inside the ±15 % that training's brightness jitter covers. */
    BRIGHTER("brighter", patch -> patch.brightened(26)),
    DARKER("darker", patch -> patch.brightened(-26));

    private final String label;
    private final UnaryOperator<PatchPixels> view;

    TestTimeAugmentation(String label, UnaryOperator<PatchPixels> view) {
        this.label = label;
        this.view = view;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public PatchPixels apply(PatchPixels patch) {
        return view.apply(patch);
    }

    /** The augmentation of that name; an unknown name is refused with the list of known ones. */
    @JsonCreator
    public static TestTimeAugmentation named(String name) {
        for (TestTimeAugmentation each : values()) {
            if (each.label.equals(name)) {
                return each;
            }
        }
        throw new IllegalArgumentException("unknown test-time augmentation '" + name + "'; known: " + knownNames());
    }

    /** A comma-separated list such as {@code hflip,vflip}; {@code none} or an empty text is the empty list. */
    public static List<TestTimeAugmentation> parseList(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equals("none")) {
            return List.of();
        }
        List<TestTimeAugmentation> list = new ArrayList<>();
        for (String name : trimmed.split(",")) {
            list.add(named(name.strip()));
        }
        return checkedList(list);
    }

    /** The list as given, refusing a view named twice (it would silently count double in the mean). */
    static List<TestTimeAugmentation> checkedList(List<TestTimeAugmentation> list) {
        if (list.stream().distinct().count() != list.size()) {
            throw new IllegalArgumentException("a test-time augmentation is listed twice: " + describe(list));
        }
        return List.copyOf(list);
    }

    /** E.g. {@code hflip,vflip}, or {@code none}. */
    public static String describe(List<TestTimeAugmentation> list) {
        return list.isEmpty() ? "none" : String.join(",", list.stream().map(TestTimeAugmentation::label).toList());
    }

    private static String knownNames() {
        return String.join(", ", Arrays.stream(values()).map(TestTimeAugmentation::label).toList());
    }
}
