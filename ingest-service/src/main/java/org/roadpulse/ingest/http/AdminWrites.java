package org.roadpulse.ingest.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.roadpulse.ingest.IngestSettings;

import java.net.InetSocketAddress;

/**
 * The interim rule for changes through the admin API (devices, sites). TODO(authorisation, later issue): there is
 * no operator login yet; until there is, changes are accepted from the loopback interface only, unless
 * {@code roadpulse.admin.allow-remote-provisioning} lifts that.
 */
@Singleton
final class AdminWrites {

    static final String REMOTE_REFUSED = "admin.remote_refused";

    private final IngestSettings.Admin settings;

    AdminWrites(IngestSettings.Admin settings) {
        this.settings = settings;
    }

    boolean allowed(HttpRequest<?> request) {
        return settings.allowRemoteProvisioning() || fromLoopback(request);
    }

    /** @param what what cannot be done from elsewhere, e.g. "devices can only be provisioned" */
    static MutableHttpResponse<?> refused(String what) {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new Replies.Error(REMOTE_REFUSED, null,
                what + " from this host until operator login exists"));
    }

    private static boolean fromLoopback(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }
}
