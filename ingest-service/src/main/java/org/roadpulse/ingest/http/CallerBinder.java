package org.roadpulse.ingest.http;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.roadpulse.ingest.access.Caller;
import org.roadpulse.ingest.access.Tokens;

/**
 * Lets a controller method take the {@link Caller} of the request: who the verified token names, with their roles and
 * visibility. Unbound without a token; the routes that take one all require a login.
 */
@Singleton
final class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        return source.getUserPrincipal(Authentication.class).map(Tokens::caller)
                .<BindingResult<Caller>>map(caller -> () -> java.util.Optional.of(caller))
                .orElse(BindingResult.unsatisfied());
    }
}
