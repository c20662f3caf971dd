package org.roadpulse.roadai.service.http;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.roadpulse.roadai.service.access.Staff;

/**
 * Lets a controller method take the {@link Staff} of the request: who the verified token names. Unbound without a
 * token; the routes that take one all require a login.
 */
@Singleton
final class StaffBinder implements TypedRequestArgumentBinder<Staff> {

    @Override
    public Argument<Staff> argumentType() {
        return Argument.of(Staff.class);
    }

    @Override
    public BindingResult<Staff> bind(ArgumentConversionContext<Staff> context, HttpRequest<?> source) {
        return source.getUserPrincipal(Authentication.class).map(Staff::of)
                .<BindingResult<Staff>>map(staff -> () -> Optional.of(staff))
                .orElse(BindingResult.unsatisfied());
    }
}
