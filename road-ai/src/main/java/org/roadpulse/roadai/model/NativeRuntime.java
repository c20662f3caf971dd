package org.roadpulse.roadai.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses the ND4J native build before anything loads it: the oneDNN build on CPUs with AVX2 (5-10x faster
 * convolutions, DEPENDENCIES.md), the plain build otherwise. Must run before the first use of {@code Nd4j};
 * the CLI and the tests call {@link #configure()} first. Explicit {@code -D} flags given on the command line win.
 */
public final class NativeRuntime {
    static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";
    static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
    static final String ONEDNN_AVX2 = "-onednn-avx2";

    private static volatile Boolean onednnChosen;

    private NativeRuntime() {
    }

    /** Idempotent; returns whether the oneDNN build was chosen. */
    public static synchronized boolean configure() {
        if (onednnChosen == null) {
            if (System.getProperty(PLATFORM_EXTENSION) == null && cpuHasAvx2()) {
                System.setProperty(PLATFORM_EXTENSION, ONEDNN_AVX2);
            }
            onednnChosen = ONEDNN_AVX2.equals(System.getProperty(PLATFORM_EXTENSION));
            if (onednnChosen && System.getProperty(HELPERS_DISABLE) == null) {
                System.setProperty(HELPERS_DISABLE, "false");
            }
        }
        return onednnChosen;
    }

    /** Reads /proc/cpuinfo; anything unreadable counts as "no AVX2", which selects the safe plain build. */
    public static boolean cpuHasAvx2() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            return Files.isReadable(cpuinfo)
                    && Files.readString(cpuinfo).toLowerCase(Locale.ROOT).matches("(?s).*\\bflags\\s*:.*\\bavx2\\b.*");
        } catch (IOException e) {
            return false;
        }
    }
}
