package org.roadpulse.roadai.service;

import io.micronaut.runtime.Micronaut;
import org.roadpulse.roadai.model.NativeRuntime;

/**
 * The maintenance-queue service: image intake, the prioritised list and its staff pages (issue #5). With no settings
 * it starts its own PostgreSQL with data below {@code data/road-ai} and listens on port 8081.
 */
public final class RoadAiApplication {

    private RoadAiApplication() {
    }

    public static void main(String[] args) {
        NativeRuntime.configure(); // before anything loads ND4J
        Micronaut.build(args).mainClass(RoadAiApplication.class).start();
    }
}
