package org.roadpulse.ingest.access;

import org.roadpulse.platform.access.Role;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An identity provider's groups become roles and municipalities; groups of other applications grant nothing. */
class IdpGroupsTest {

    @Test
    void roadpulseGroupsGiveRolesInTheirMunicipalities() {
        IdpGroups.Grant grant = IdpGroups.of(List.of("roadpulse-planner-10045111", "/roadpulse-municipal-admin-10045111",
                "roadpulse-planner-10046118", "intranet-users"));

        assertThat(grant.roles()).containsExactlyInAnyOrder(Role.PLANNER, Role.MUNICIPAL_ADMIN);
        assertThat(grant.municipalities()).containsExactly("10045111", "10046118");
    }

    @Test
    void theOperatorGroupNeedsNoMunicipalityAndOtherRolesDo() {
        assertThat(IdpGroups.of(List.of("roadpulse-operator")).roles()).containsExactly(Role.OPERATOR);
        assertThat(IdpGroups.of(List.of("roadpulse-planner")).roles()).isEmpty();
        assertThat(IdpGroups.of(List.of("roadpulse-planner-1004511", "roadpulse-boss-10045111", "admins")).roles())
                .isEmpty();
    }
}
