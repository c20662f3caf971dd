package org.roadpulse.protocol;

import java.util.Arrays;
import java.util.Optional;

/**
 * A vehicle class of the German TLS standard, in any of its three granularities (8+1, 5+1, 2+1).
 *
 * <p>The wire name is what devices send. A class may belong to several schemes ({@code PkwA} is in 8+1 and 5+1);
 * {@link ClassScheme} says which classes a scheme has. {@link #heavy()} marks Schwerverkehr (SV).
 */
public enum VehicleClass {
    KRAD("Krad", false),
    PKW("Pkw", false),
    LFW("Lfw", false),
    PKW_A("PkwA", false),
    LKW("Lkw", true),
    LKW_A("LkwA", true),
    SATTEL_KFZ("SattelKfz", true),
    BUS("Bus", true),
    /** 5+1 group: Krad + Pkw + Lfw. */
    PKW_GRUPPE("PkwGruppe", false),
    /** 5+1 group: LkwA + Sattel-Kfz. */
    LKW_A_SATTEL_KFZ("LkwASattelKfz", true),
    /** 2+1: car-like. */
    PKW_AEHNLICH("PkwAehnlich", false),
    /** 2+1: truck-like; counted as heavy traffic. */
    LKW_AEHNLICH("LkwAehnlich", true),
    /** The "+1" of every scheme: not classifiable. */
    NK_KFZ("nkKfz", false);

    private final String wireName;
    private final boolean heavy;

    VehicleClass(String wireName, boolean heavy) {
        this.wireName = wireName;
        this.heavy = heavy;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether this class counts as Schwerverkehr (Lkw + LkwA + Sattel-Kfz + Bus, or their coarser groups). */
    public boolean heavy() {
        return heavy;
    }

    public static Optional<VehicleClass> fromWireName(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
