package org.roadpulse.ingest.cli;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roadpulse.ingest.devices.DeviceRegistry;
import org.roadpulse.ingest.testing.TestDatabase;
import org.roadpulse.ingest.testing.TestLogins;
import org.roadpulse.ingest.testing.TestPostgres;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies {@code roadpulse-devices} against the running service: what it prints and how it exits. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevicesCommandTest implements TestPropertyProvider {

    private static final Pattern SECRET = Pattern.compile("secret:\\s+(\\S+)");
    private final TestDatabase db = TestPostgres.freshDatabase();

    @Inject
    EmbeddedServer server;

    @Inject
    DeviceRegistry devices;

    private record Run(int exitCode, String out, String err) {
    }

    @Override
    public Map<String, String> getProperties() {
        return db.servicePropertiesInTempFolder();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void provisionPrintsTheSecretOnceAndItAuthenticatesTheDevice() {
        // WHEN a device is provisioned from the command line
        Run run = devicesCommand("provision", "cli-tholey-1", "--municipality", "10046118", "--name", "Tholey CLI");

        // THEN it exits 0 and prints the secret, which the registry accepts
        assertThat(run.exitCode()).as(run.err()).isZero();
        String secret = secretIn(run.out());
        assertThat(devices.authenticate("cli-tholey-1", secret)).isPresent();
    }

    @Test
    void rotatePrintsANewSecretAndTheOldOneStopsWorking() {
        String old = devices.provision("cli-rotate-1", "10046118", "Rotate", null).secret();

        Run run = devicesCommand("rotate", "cli-rotate-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String fresh = secretIn(run.out());
        assertThat(devices.authenticate("cli-rotate-1", fresh)).isPresent();
        assertThat(devices.authenticate("cli-rotate-1", old)).isEmpty();
    }

    @Test
    void revokeAndReinstateShowInTheList() {
        String secret = devices.provision("cli-revoke-1", "10046118", "Revoke", null).secret();

        Run revoked = devicesCommand("revoke", "cli-revoke-1");
        Run listed = devicesCommand("list");

        assertThat(revoked.exitCode()).isZero();
        assertThat(revoked.out()).contains("cli-revoke-1: revoked");
        assertThat(devices.authenticate("cli-revoke-1", secret)).isEmpty();
        assertThat(listed.out()).containsPattern("cli-revoke-1\\s+10046118\\s+revoked");

        Run reinstated = devicesCommand("reinstate", "cli-revoke-1");
        assertThat(reinstated.out()).contains("cli-revoke-1: active");
        assertThat(devices.authenticate("cli-revoke-1", secret)).isPresent();
        assertThat(devicesCommand("list").out()).containsPattern("cli-revoke-1\\s+10046118\\s+active");
    }

    @Test
    void withoutATokenTheServiceRefusesAndTheCommandExits1() {
        Run run = run("--url", server.getURL().toString(), "list");

        assertThat(run.exitCode()).isEqualTo(DevicesCommand.REFUSED);
        assertThat(run.err()).contains("HTTP 401");
    }

    @Test
    void anUnknownDeviceExits1WithTheServicesReason() {
        Run run = devicesCommand("revoke", "cli-nobody");

        assertThat(run.exitCode()).isEqualTo(DevicesCommand.REFUSED);
        assertThat(run.err()).contains("HTTP 404").contains("device.unknown");
    }

    @Test
    void aWrongProvisioningExits1WithTheFieldsReason() {
        Run run = devicesCommand("provision", "cli-bad-1", "--municipality", "123", "--name", "Bad");

        assertThat(run.exitCode()).isEqualTo(DevicesCommand.REFUSED);
        assertThat(run.err()).contains("municipality.invalid");
    }

    @Test
    void aServiceThatIsNotThereExits3() {
        Run run = run("--url", "http://127.0.0.1:1", "list");

        assertThat(run.exitCode()).isEqualTo(DevicesCommand.UNREACHABLE);
        assertThat(run.err()).contains("cannot reach");
    }

    @Test
    void theTokenGoesAlongAsBearerAuthorization() throws Exception {
        // GIVEN an HTTP server that notes the Authorization header and answers an empty list
        AtomicReference<String> authorization = new AtomicReference<>();
        HttpServer recorder = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        recorder.createContext("/api/v1/devices", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        recorder.start();
        try {
            // WHEN the list is asked for with a token
            Run run = run("--url", "http://127.0.0.1:" + recorder.getAddress().getPort(), "--token", "user-token-1",
                    "list");
            // THEN the request carried it
            assertThat(run.exitCode()).isZero();
            assertThat(authorization.get()).isEqualTo("Bearer user-token-1");
        } finally {
            recorder.stop(0);
        }
    }

    /** The command as an operator would run it: the service's URL and their token. */
    private Run devicesCommand(String... args) {
        String[] withUrl = new String[args.length + 4];
        withUrl[0] = "--url";
        withUrl[1] = server.getURL().toString();
        withUrl[2] = "--token";
        withUrl[3] = TestLogins.operatorToken(server.getApplicationContext());
        System.arraycopy(args, 0, withUrl, 4, args.length);
        return run(withUrl);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DevicesCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static String secretIn(String output) {
        Matcher matcher = SECRET.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }
}
