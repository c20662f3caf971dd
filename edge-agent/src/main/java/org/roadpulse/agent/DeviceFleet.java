package org.roadpulse.agent;

import org.roadpulse.agent.config.AgentSettings;
import org.roadpulse.agent.config.FleetSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Several agents in one process, each with its own outbox and connection: simulated devices for a demonstration. */
public final class DeviceFleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceFleet.class);

    private final List<Agent> agents;

    private DeviceFleet(List<Agent> agents) {
        this.agents = agents;
    }

    public static DeviceFleet of(FleetSettings settings) {
        return of(settings.agents());
    }

    public static DeviceFleet of(List<AgentSettings> settings) {
        List<Agent> agents = new ArrayList<>(settings.size());
        for (AgentSettings agent : settings) {
            agents.add(Agent.create(agent));
        }
        return new DeviceFleet(agents);
    }

    /** Starts every agent; if one cannot start, those already started are closed again. */
    public DeviceFleet start() throws IOException {
        List<Agent> started = new ArrayList<>();
        try {
            for (Agent agent : agents) {
                started.add(agent.start());
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(Agent::close);
            throw e;
        }
        LOG.info("fleet of {} devices started", agents.size());
        return this;
    }

    public List<Agent> agents() {
        return Collections.unmodifiableList(agents);
    }

    @Override
    public void close() {
        agents.parallelStream().forEach(Agent::close);
    }
}
