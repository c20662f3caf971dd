package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may give which roles where: operators anything, municipal admins only within their municipalities. */
class AccountRulesTest {

    private static final String BEXBACH = "10045111";
    private static final String THOLEY = "10046118";
    private static final Caller OPERATOR = new Caller("op", Set.of(Role.OPERATOR), Visibility.everything());
    private static final Caller BEXBACH_ADMIN = new Caller("admin.bexbach", Set.of(Role.MUNICIPAL_ADMIN),
            Visibility.of(Set.of(BEXBACH)));
    private static final Caller PLANNER = new Caller("planner.bexbach", Set.of(Role.PLANNER),
            Visibility.of(Set.of(BEXBACH)));

    @Test
    void aMunicipalAdminGrantsRolesInTheirMunicipality() {
        assertThatCode(() -> AccountRules.requireMayGrant(BEXBACH_ADMIN,
                Set.of(Role.PLANNER, Role.MUNICIPAL_ADMIN), Set.of(BEXBACH))).doesNotThrowAnyException();
    }

    @Test
    void aMunicipalAdminCannotMakeAnOperator() {
        assertThatThrownBy(() -> AccountRules.requireMayGrant(BEXBACH_ADMIN, Set.of(Role.OPERATOR), Set.of(BEXBACH)))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo("role.not_grantable"));
    }

    @Test
    void aMunicipalAdminCannotGrantAnotherMunicipality() {
        assertThatThrownBy(() -> AccountRules.requireMayGrant(BEXBACH_ADMIN, Set.of(Role.PLANNER),
                Set.of(BEXBACH, THOLEY))).isInstanceOfSatisfying(AccessDeniedException.class,
                e -> assertThat(e.reason()).isEqualTo("municipality.not_yours"));
    }

    @Test
    void aPlannerManagesNoAccounts() {
        assertThatThrownBy(() -> AccountRules.requireMayGrant(PLANNER, Set.of(Role.PLANNER), Set.of(BEXBACH)))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.reason()).isEqualTo("role.missing"));
    }

    @Test
    void anOperatorGrantsAnything() {
        assertThatCode(() -> AccountRules.requireMayGrant(OPERATOR, Set.of(Role.OPERATOR), Set.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void everyoneButAnOperatorNeedsAMunicipalityAndRolesAreRequired() {
        assertThat(AccountRules.checkGrant(Set.of(Role.PLANNER), Set.of())).hasValueSatisfying(
                r -> assertThat(r.reason()).isEqualTo("municipality.invalid"));
        assertThat(AccountRules.checkGrant(Set.of(), Set.of(BEXBACH))).hasValueSatisfying(
                r -> assertThat(r.reason()).isEqualTo("roles.invalid"));
        assertThat(AccountRules.checkGrant(Set.of(Role.PLANNER), Set.of("1004511"))).hasValueSatisfying(
                r -> assertThat(r.reason()).isEqualTo("municipality.invalid"));
        assertThat(AccountRules.checkGrant(Set.of(Role.OPERATOR), Set.of())).isEmpty();
    }

    @Test
    void shortPasswordsAndOddUsernamesAreRefused() {
        assertThat(AccountRules.checkPassword("elevenchars")).isPresent();
        assertThat(AccountRules.checkPassword("twelve chars")).isEmpty();
        assertThat(AccountRules.checkUsername("Planner")).isPresent();
        assertThat(AccountRules.checkUsername("<script>")).isPresent();
        assertThat(AccountRules.checkUsername("planner.bexbach")).isEmpty();
    }
}
