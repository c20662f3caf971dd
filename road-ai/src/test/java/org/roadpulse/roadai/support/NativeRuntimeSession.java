package org.roadpulse.roadai.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.roadpulse.roadai.model.NativeRuntime;

/** Chooses the ND4J native build once, before any test can load ND4J (whichever test class runs first). */
public final class NativeRuntimeSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeRuntime.configure();
    }
}
