package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Compatibility shim, not part of RoadPulse's domain: DL4J 1.0.0-M2.1's {@code BaseMKLDNNHelper} looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by name, but nd4j-native M2.1 moved that class to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings}. Without a class at the old name the oneDNN layer helpers are silently
 * off and convolutions run 5-10x slower (DEPENDENCIES.md). This class restores the old name and forwards by reflection.
 */
public final class Nd4jCpu {
    private static final String MOVED_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private Nd4jCpu() {
    }

    /** The two methods DL4J calls: {@code getInstance()} and {@code isUseMKLDNN()}. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** True when the native backend allows its platform helpers (oneDNN in the -onednn builds). */
        public boolean isUseMKLDNN() {
            try {
                Class<?> moved = Class.forName(MOVED_ENVIRONMENT);
                Object environment = moved.getMethod("getInstance").invoke(null);
                Method helpersAllowed = moved.getMethod("helpersAllowed");
                return (Boolean) helpersAllowed.invoke(environment);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
