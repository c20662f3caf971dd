package org.roadpulse.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;

/**
 * {@code roadpulse-devices}: a device's credential lifecycle from a shell, through the service's HTTP API (so it
 * works against any instance, local or remote). Exit codes: 0 done, 1 refused by the service (its reason is
 * printed), 2 wrong usage, 3 service unreachable or unavailable.
 */
@Command(name = "roadpulse-devices", mixinStandardHelpOptions = true,
        description = "Provision, rotate, revoke, reinstate and list RoadPulse devices through the ingest service's API.",
        subcommands = {DevicesCommand.List.class, DevicesCommand.Provision.class, DevicesCommand.Rotate.class,
                DevicesCommand.Revoke.class, DevicesCommand.Reinstate.class})
public final class DevicesCommand {

    static final int REFUSED = 1;
    static final int UNREACHABLE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--url", defaultValue = "${env:ROADPULSE_URL:-http://localhost:8080}",
            description = "The ingest service (env ROADPULSE_URL; default ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--token", defaultValue = "${env:ROADPULSE_TOKEN}",
            description = "User token, sent as 'Authorization: Bearer' (env ROADPULSE_TOKEN)")
    String token;

    @Option(names = "--ca-file", description = "PEM file of the CA to trust for https:// (ca.pem of bin/make-certs.sh)")
    Path caFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new DevicesCommand());
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    @Command(name = "list", description = "Every device with its state (active or revoked), last sign of life and "
            + "stored intervals")
    static final class List extends Action {
        @Option(names = "--json", description = "Print the service's JSON as it came")
        boolean json;

        @Override
        DeviceApi.Answer call(DeviceApi api) throws IOException, InterruptedException {
            return api.list();
        }

        @Override
        void print(PrintWriter out, JsonNode devices, String raw) {
            if (json) {
                out.println(raw);
                return;
            }
            out.printf("%-24s %-9s %-8s %-24s %8s  %s%n", "ID", "AGS", "STATE", "LAST SEEN", "STORED", "NAME");
            for (JsonNode device : devices) {
                out.printf("%-24s %-9s %-8s %-24s %8d  %s%n", device.path("id").asText(),
                        device.path("municipality").asText(),
                        device.path("enabled").asBoolean() ? "active" : "revoked",
                        device.path("lastSeen").asText("-"), device.path("storedIntervals").asLong(),
                        device.path("name").asText());
            }
        }
    }

    @Command(name = "provision", description = "Register a device, or give a registered one new credentials; "
            + "prints its secret, which is shown this once")
    static final class Provision extends Action {
        @Parameters(index = "0", description = "Device id ([a-z0-9][a-z0-9-]{2,63})")
        String id;

        @Option(names = "--municipality", required = true, description = "Official municipality key (AGS, 8 digits)")
        String municipality;

        @Option(names = "--name", required = true, description = "What the device is called, 1 to 120 characters")
        String name;

        @Override
        DeviceApi.Answer call(DeviceApi api) throws IOException, InterruptedException {
            ObjectNode body = JSON.createObjectNode().put("id", id).put("municipality", municipality).put("name", name);
            return api.provision(JSON.writeValueAsString(body));
        }

        @Override
        void print(PrintWriter out, JsonNode answer, String raw) {
            printSecret(out, answer);
        }
    }

    @Command(name = "rotate", description = "Give a device a new secret (printed once); the old one stops working "
            + "at once and its open connections are ended")
    static final class Rotate extends Action {
        @Parameters(index = "0", description = "Device id")
        String id;

        @Override
        DeviceApi.Answer call(DeviceApi api) throws IOException, InterruptedException {
            return api.change(id, "rotate");
        }

        @Override
        void print(PrintWriter out, JsonNode answer, String raw) {
            printSecret(out, answer);
        }
    }

    @Command(name = "revoke", description = "Refuse a device on every transport from now on; its open connections "
            + "are ended")
    static final class Revoke extends StateChange {
        Revoke() {
            super("revoke");
        }
    }

    @Command(name = "reinstate", description = "Let a revoked device in again with its current secret")
    static final class Reinstate extends StateChange {
        Reinstate() {
            super("reinstate");
        }
    }

    abstract static class StateChange extends Action {
        private final String action;

        @Parameters(index = "0", description = "Device id")
        String id;

        StateChange(String action) {
            this.action = action;
        }

        @Override
        DeviceApi.Answer call(DeviceApi api) throws IOException, InterruptedException {
            return api.change(id, action);
        }

        @Override
        void print(PrintWriter out, JsonNode answer, String raw) {
            out.printf("%s: %s%n", answer.path("id").asText(), answer.path("state").asText());
        }
    }

    /** One call of the API: its answer printed, or its refusal with the service's reason. */
    abstract static class Action implements Callable<Integer> {
        @ParentCommand
        DevicesCommand parent;

        abstract DeviceApi.Answer call(DeviceApi api) throws IOException, InterruptedException;

        abstract void print(PrintWriter out, JsonNode answer, String raw);

        @Override
        public Integer call() throws Exception {
            PrintWriter out = parent.spec.commandLine().getOut();
            PrintWriter err = parent.spec.commandLine().getErr();
            DeviceApi.Answer answer;
            try {
                answer = call(new DeviceApi(parent.url, parent.token, parent.caFile));
            } catch (IOException | GeneralSecurityException e) {
                err.printf("cannot reach %s: %s%n", parent.url, e.getMessage() == null ? e : e.getMessage());
                return UNREACHABLE;
            }
            JsonNode body = parse(answer.body());
            if (answer.ok()) {
                print(out, body, answer.body());
                return 0;
            }
            err.printf("refused (HTTP %d): %s%s%n", answer.status(), body.path("reason").asText("-"),
                    body.hasNonNull("message") ? " - " + body.get("message").asText() : "");
            return answer.status() >= 500 || answer.status() == 429 ? UNREACHABLE : REFUSED;
        }
    }

    private static void printSecret(PrintWriter out, JsonNode answer) {
        out.printf("device:  %s%nsecret:  %s%n", answer.path("id").asText(), answer.path("secret").asText());
        out.println("(shown this once: put it on the device now; the service keeps only its hash)");
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", body);
        }
    }
}
