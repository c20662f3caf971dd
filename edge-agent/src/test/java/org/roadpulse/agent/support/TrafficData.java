package org.roadpulse.agent.support;

import org.roadpulse.protocol.testing.SharedData;

import java.nio.file.Path;

/**
 * The real traffic files in the shared data folder ({@code ../shared/data} beside the repository, or
 * {@code -Droadpulse.data=...}). Tests that use them are skipped, not failed, where the folder is absent.
 */
public final class TrafficData {

    private TrafficData() {
    }

    public static Path bastZst5651() {
        return require("traffic/bast-zst5651-2021/zst5651_2021.csv");
    }

    public static Path moersRadar() {
        return require("traffic/moers-radar/romerstrasse-415t3024102016.txt");
    }

    private static Path require(String relative) {
        return SharedData.require(relative);
    }
}
