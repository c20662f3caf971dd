package org.roadpulse.ingest.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roadpulse.ingest.access.AccessDeniedException;
import org.roadpulse.ingest.access.Caller;
import org.roadpulse.ingest.access.InvalidAccountException;
import org.roadpulse.ingest.access.PersonAdministration;
import org.roadpulse.platform.access.Role;
import org.roadpulse.protocol.Rejection;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * People's accounts ({@code /api/v1/users}): operators manage everyone, municipal admins the accounts within their
 * municipalities (never operators). An account the caller cannot see is a 404 like one that does not exist.
 * Everyone changes their own password at {@code /api/v1/me/password}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = ApiDocument.ACCESS)
@ApiResponse(responseCode = "403", description = "`role.not_grantable`, `municipality.not_yours`, or no body: "
        + "the caller lacks the role", content = @Content(schema = @Schema(implementation = Replies.Error.class)))
@ApiResponse(responseCode = "503", description = ApiDocument.UNAVAILABLE,
        content = @Content(schema = @Schema(implementation = Replies.Error.class)))
final class PersonController {

    private static final String USERS = "/api/v1/users";
    private static final String BAD = "`username.invalid`, `username.taken`, `password.invalid` (12 to 256 "
            + "characters), `roles.invalid`, `municipality.invalid`";

    private final PersonAdministration administration;

    PersonController(PersonAdministration administration) {
        this.administration = administration;
    }

    @Get(uri = USERS, produces = MediaType.APPLICATION_JSON)
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    @Operation(operationId = "listUsers", summary = "The accounts the caller manages, ordered by name")
    @ApiResponse(responseCode = "200", description = "The accounts",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = Replies.Account.class))))
    List<Replies.Account> list(@Parameter(hidden = true) Caller caller) {
        return administration.list(caller).stream().map(Replies.Account::of).toList();
    }

    @Get(uri = USERS + "/{username}", produces = MediaType.APPLICATION_JSON)
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    @Operation(operationId = "getUser", summary = "One account")
    HttpResponse<?> one(@Parameter(hidden = true) Caller caller, String username) {
        return administration.find(caller, username).<HttpResponse<?>>map(p -> HttpResponse.ok(Replies.Account.of(p)))
                .orElseGet(() -> unknown(username));
    }

    @Post(uri = USERS, consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    @Operation(operationId = "createUser", summary = "Create an account",
            description = "`username`, `password` (12 to 256 characters), `roles`, `municipalities` (AGS).")
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = Replies.Account.class)))
    @ApiResponse(responseCode = "400", description = BAD,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> create(@Parameter(hidden = true) Caller caller, @Body Replies.AccountRequest body) {
        Replies.Account created = Replies.Account.of(administration.create(caller, body.username(), body.password(),
                roles(body.roles()), municipalities(body.municipalities())));
        return HttpResponse.created(created, URI.create(USERS + "/" + created.username()));
    }

    @Put(uri = USERS + "/{username}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    @Operation(operationId = "grantUser", summary = "Replace an account's roles and municipalities",
            description = "`roles` and `municipalities`; a `password` in the body sets it as well.")
    @ApiResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = Replies.Account.class)))
    @ApiResponse(responseCode = "400", description = BAD,
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    @ApiResponse(responseCode = "404", description = "`user.unknown`",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> grant(@Parameter(hidden = true) Caller caller, String username,
                          @Body Replies.AccountRequest body) {
        Optional<Replies.Account> changed = administration.grant(caller, username, roles(body.roles()),
                municipalities(body.municipalities())).map(Replies.Account::of);
        if (changed.isPresent() && body.password() != null) {
            administration.setPassword(caller, username, body.password());
        }
        return changed.<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> unknown(username));
    }

    @Delete(uri = USERS + "/{username}")
    @Secured({AccessRules.MUNICIPAL_ADMIN, AccessRules.OPERATOR})
    @Operation(operationId = "deleteUser", summary = "Remove an account")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "`user.unknown`",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> delete(@Parameter(hidden = true) Caller caller, String username) {
        return administration.delete(caller, username) ? HttpResponse.noContent() : unknown(username);
    }

    @Post(uri = "/api/v1/me/password", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "changeOwnPassword", summary = "Change one's own password",
            description = "`currentPassword` and `newPassword` (12 to 256 characters). Every token issued before "
                    + "stops working, this one too: sign in again with the new password.")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiResponse(responseCode = "400", description = "`password.invalid`",
            content = @Content(schema = @Schema(implementation = Replies.Error.class)))
    HttpResponse<?> changeOwnPassword(@Parameter(hidden = true) Caller caller, @Body Replies.PasswordChange body) {
        administration.changeOwnPassword(caller, body.currentPassword(), body.newPassword());
        return HttpResponse.noContent();
    }

    @Error(exception = InvalidAccountException.class)
    HttpResponse<?> invalid(InvalidAccountException e) {
        return HttpResponse.badRequest(Replies.Error.of(e.rejection()));
    }

    @Error(exception = AccessDeniedException.class)
    HttpResponse<?> denied(AccessDeniedException e) {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(new Replies.Error(e.reason(), null, e.getMessage()));
    }

    @Error(exception = IllegalStateException.class)
    HttpResponse<?> unavailable(IllegalStateException e) {
        return HttpReplies.unavailable("accounts unavailable");
    }

    private static HttpResponse<?> unknown(String username) {
        return HttpResponse.notFound(new Replies.Error("user.unknown", "username",
                "no account '" + username + "' among those you manage"));
    }

    /** Unknown role names are the caller's mistake: refused with their name rather than dropped. */
    private static Set<Role> roles(List<String> names) {
        if (names == null) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(Role.named(name).orElseThrow(() -> new InvalidAccountException(Rejection.of("roles.invalid",
                    "roles", "no role '" + name + "': PLANNER, MAINTENANCE, MUNICIPAL_ADMIN or OPERATOR"))));
        }
        return roles;
    }

    private static Set<String> municipalities(List<String> values) {
        return values == null ? null : new TreeSet<>(values);
    }
}
