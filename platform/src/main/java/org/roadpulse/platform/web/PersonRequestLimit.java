package org.roadpulse.platform.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.roadpulse.platform.limits.RateLimit;

/**
 * A rate limit per logged-in person, in both services: a runaway script or a stolen token cannot take a service away
 * from everyone else. Over it: 429 {@code rate.exceeded} with Retry-After. Runs after the security filter, which has
 * named the person by then; requests without a login are refused there first. Each service makes it a filter of its
 * own ({@code @Filter} on a subclass), with its settings.
 */
public class PersonRequestLimit implements HttpServerFilter {

    private final RateLimit limit;

    /**
     * @param perSecond requests a person may make per second in the long run; 0 or less: no limit
     * @param burst     requests a person may make at once (a page loading its parts)
     */
    protected PersonRequestLimit(double perSecond, int burst) {
        this.limit = new RateLimit(perSecond, burst, System::nanoTime);
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
                    .body(Map.of("reason", "rate.exceeded",
                            "message", "too many requests from " + person.get() + ": wait " + wait + " s")));
        }
        return chain.proceed(request);
    }
}
