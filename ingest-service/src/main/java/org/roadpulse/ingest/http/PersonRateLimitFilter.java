package org.roadpulse.ingest.http;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.roadpulse.ingest.IngestSettings;
import org.roadpulse.platform.limits.RateLimit;

import java.security.Principal;
import java.util.Optional;

/**
 * A rate limit per logged-in person ({@code roadpulse.security.requests-per-second}, burst {@code request-burst}):
 * a runaway script or a stolen token cannot take the service away from everyone else. Over it: 429
 * {@code rate.exceeded} with Retry-After. Runs after the security filter, which has named the person by then; devices
 * have their own limit ({@code roadpulse.rate-limit}).
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class PersonRateLimitFilter implements HttpServerFilter {

    private final RateLimit limit;

    PersonRateLimitFilter(IngestSettings.Security settings) {
        this.limit = new RateLimit(settings.requestsPerSecond(), settings.requestBurst(), System::nanoTime);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<String> person = request.getUserPrincipal().map(Principal::getName);
        long wait = person.map(limit::admit).orElse(0L);
        if (wait > 0) {
            return Publishers.just(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", String.valueOf(wait))
                    .body(new Replies.Error("rate.exceeded", null, RateLimit.refusal(person.get(), wait))));
        }
        return chain.proceed(request);
    }
}
