package org.roadpulse.ingest.flow;

import org.roadpulse.protocol.VehicleClass;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.roadpulse.protocol.VehicleClass.BUS;
import static org.roadpulse.protocol.VehicleClass.KRAD;
import static org.roadpulse.protocol.VehicleClass.LFW;
import static org.roadpulse.protocol.VehicleClass.LKW;
import static org.roadpulse.protocol.VehicleClass.LKW_A;
import static org.roadpulse.protocol.VehicleClass.LKW_AEHNLICH;
import static org.roadpulse.protocol.VehicleClass.LKW_A_SATTEL_KFZ;
import static org.roadpulse.protocol.VehicleClass.NK_KFZ;
import static org.roadpulse.protocol.VehicleClass.PKW;
import static org.roadpulse.protocol.VehicleClass.PKW_A;
import static org.roadpulse.protocol.VehicleClass.PKW_AEHNLICH;
import static org.roadpulse.protocol.VehicleClass.PKW_GRUPPE;
import static org.roadpulse.protocol.VehicleClass.SATTEL_KFZ;

/**
 * The class grouping a planner asks for. Each category is a sum of stored classes, so counts aggregate upward
 * only: a device that measured 2+1 contributes to the 2+1 categories, never to 8+1 ones (its vehicles show there as
 * {@code coarser}, counted at a coarser scheme than asked for).
 */
public enum ClassGroup {
    TLS_8_1("8+1", categories(
            "Krad", EnumSet.of(KRAD), "Pkw", EnumSet.of(PKW), "Lfw", EnumSet.of(LFW), "PkwA", EnumSet.of(PKW_A),
            "Lkw", EnumSet.of(LKW), "LkwA", EnumSet.of(LKW_A), "SattelKfz", EnumSet.of(SATTEL_KFZ),
            "Bus", EnumSet.of(BUS), "nkKfz", EnumSet.of(NK_KFZ))),
    TLS_5_1("5+1", categories(
            "PkwGruppe", EnumSet.of(KRAD, PKW, LFW, PKW_GRUPPE), "PkwA", EnumSet.of(PKW_A), "Lkw", EnumSet.of(LKW),
            "LkwASattelKfz", EnumSet.of(LKW_A, SATTEL_KFZ, LKW_A_SATTEL_KFZ), "Bus", EnumSet.of(BUS),
            "nkKfz", EnumSet.of(NK_KFZ))),
    TLS_2_1("2+1", categories(
            "PkwAehnlich", EnumSet.of(KRAD, PKW, LFW, PKW_A, PKW_GRUPPE, PKW_AEHNLICH),
            "LkwAehnlich", EnumSet.of(LKW, LKW_A, SATTEL_KFZ, BUS, LKW_A_SATTEL_KFZ, LKW_AEHNLICH),
            "nkKfz", EnumSet.of(NK_KFZ))),
    /** All motor vehicles. */
    KFZ("kfz", categories("Kfz", EnumSet.allOf(VehicleClass.class))),
    /** Heavy vehicles (Schwerverkehr) and the rest. */
    SV("sv", categories(
            "SV", EnumSet.of(LKW, LKW_A, SATTEL_KFZ, BUS, LKW_A_SATTEL_KFZ, LKW_AEHNLICH),
            "nichtSV", EnumSet.of(KRAD, PKW, LFW, PKW_A, PKW_GRUPPE, PKW_AEHNLICH, NK_KFZ)));

    private final String wireName;
    private final Map<String, Set<VehicleClass>> categories;

    ClassGroup(String wireName, Map<String, Set<VehicleClass>> categories) {
        this.wireName = wireName;
        this.categories = categories;
    }

    public String wireName() {
        return wireName;
    }

    /** Category name → the stored classes it sums, in display order. */
    public Map<String, Set<VehicleClass>> categories() {
        return categories;
    }

    public static Optional<ClassGroup> fromWireName(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName.equalsIgnoreCase(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(ClassGroup::wireName).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Set<VehicleClass>> categories(Object... nameThenClasses) {
        Map<String, Set<VehicleClass>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClasses.length; i += 2) {
            map.put((String) nameThenClasses[i], (Set<VehicleClass>) nameThenClasses[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
