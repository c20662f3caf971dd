package org.roadpulse.ingest.flow.export;

import org.roadpulse.ingest.flow.ClassGroup;
import org.roadpulse.protocol.VehicleClass;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A category of counted vehicles as the exchange formats describe it: the stored classes it sums, the DATEX II
 * vehicle types ({@code VehicleTypeEnum}) that cover the same vehicles, and its number in the DATEX II measurement
 * index. Every category of every {@link ClassGroup} sums the same classes as one of these (a test checks it), so
 * "Kfz" and the total are both {@link #ALL}, "SV", "LkwAehnlich" and the heavy count all {@link #HEAVY}.
 *
 * <p>The numbers are published in the measurement site table and consumers match measured values to them: never
 * renumber one, give a new category a new number.
 */
enum ExchangeCategory {
    ALL(2, EnumSet.allOf(VehicleClass.class), "anyVehicle"),
    HEAVY(3, heavyClasses(), "heavyVehicle"),
    KRAD(11, EnumSet.of(VehicleClass.KRAD), "motorcycle"),
    PKW(12, EnumSet.of(VehicleClass.PKW), "car"),
    LFW(13, EnumSet.of(VehicleClass.LFW), "van"),
    PKW_A(14, EnumSet.of(VehicleClass.PKW_A), "carWithTrailer"),
    LKW(15, EnumSet.of(VehicleClass.LKW), "lorry"),
    LKW_A(16, EnumSet.of(VehicleClass.LKW_A), "heavyGoodsVehicleWithTrailer"),
    SATTEL_KFZ(17, EnumSet.of(VehicleClass.SATTEL_KFZ), "articulatedVehicle"),
    BUS(18, EnumSet.of(VehicleClass.BUS), "bus"),
    /** Not classifiable: DATEX II says so with "unknown". */
    NK_KFZ(19, EnumSet.of(VehicleClass.NK_KFZ), "unknown"),
    PKW_GRUPPE(21, EnumSet.of(VehicleClass.KRAD, VehicleClass.PKW, VehicleClass.LFW, VehicleClass.PKW_GRUPPE),
            "motorcycle", "car", "van"),
    LKW_A_SATTEL_KFZ(22, EnumSet.of(VehicleClass.LKW_A, VehicleClass.SATTEL_KFZ, VehicleClass.LKW_A_SATTEL_KFZ),
            "heavyGoodsVehicleWithTrailer", "articulatedVehicle"),
    PKW_AEHNLICH(31, EnumSet.of(VehicleClass.KRAD, VehicleClass.PKW, VehicleClass.LFW, VehicleClass.PKW_A,
            VehicleClass.PKW_GRUPPE, VehicleClass.PKW_AEHNLICH),
            "motorcycle", "car", "van", "carWithTrailer"),
    /** Everything but heavy traffic, the unclassifiable included. */
    NICHT_SV(41, EnumSet.complementOf(heavyClasses()), "motorcycle", "car", "van", "carWithTrailer", "unknown");

    private final int number;
    private final Set<VehicleClass> classes;
    private final List<String> datexVehicleTypes;

    ExchangeCategory(int number, Set<VehicleClass> classes, String... datexVehicleTypes) {
        this.number = number;
        this.classes = classes;
        this.datexVehicleTypes = List.of(datexVehicleTypes);
    }

    /** Its number within a direction's block of the DATEX II measurement index (see {@link Datex2Index}). */
    int number() {
        return number;
    }

    /** DATEX II vehicle types; several mean a vehicle of any of them. */
    List<String> datexVehicleTypes() {
        return datexVehicleTypes;
    }

    /** The category that sums exactly these stored classes. */
    static Optional<ExchangeCategory> summing(Set<VehicleClass> classes) {
        return Arrays.stream(values()).filter(c -> c.classes.equals(classes)).findFirst();
    }

    private static EnumSet<VehicleClass> heavyClasses() {
        EnumSet<VehicleClass> heavy = EnumSet.noneOf(VehicleClass.class);
        Arrays.stream(VehicleClass.values()).filter(VehicleClass::heavy).forEach(heavy::add);
        return heavy;
    }
}
