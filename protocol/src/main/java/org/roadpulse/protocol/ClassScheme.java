package org.roadpulse.protocol;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.roadpulse.protocol.VehicleClass.*;

/** The class granularity a device measures. The platform stores what was measured and aggregates upward only. */
public enum ClassScheme {
    TLS_8_1("8+1", EnumSet.of(KRAD, PKW, LFW, PKW_A, LKW, LKW_A, SATTEL_KFZ, BUS, NK_KFZ)),
    TLS_5_1("5+1", EnumSet.of(PKW_GRUPPE, PKW_A, LKW, LKW_A_SATTEL_KFZ, BUS, NK_KFZ)),
    TLS_2_1("2+1", EnumSet.of(PKW_AEHNLICH, LKW_AEHNLICH, NK_KFZ));

    private final String wireName;
    private final Set<VehicleClass> classes;

    ClassScheme(String wireName, Set<VehicleClass> classes) {
        this.wireName = wireName;
        this.classes = classes;
    }

    public String wireName() {
        return wireName;
    }

    public Set<VehicleClass> classes() {
        return EnumSet.copyOf(classes);
    }

    public boolean contains(VehicleClass vehicleClass) {
        return classes.contains(vehicleClass);
    }

    public static Optional<ClassScheme> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
