package org.roadpulse.roadai.maintenance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roadpulse.roadai.maintenance.ItemStatus.CONFIRMED;
import static org.roadpulse.roadai.maintenance.ItemStatus.NEW;
import static org.roadpulse.roadai.maintenance.ItemStatus.REJECTED;
import static org.roadpulse.roadai.maintenance.ItemStatus.REPAIRED;
import static org.roadpulse.roadai.maintenance.ItemStatus.SCHEDULED;
import static org.roadpulse.roadai.maintenance.ItemStatus.VERIFIED;

/** Verifies the staff workflow: which actions each status allows and where they lead. */
class WorkflowTest {

    private static final ItemAction.Schedule MONDAY = new ItemAction.Schedule(LocalDate.of(2026, 11, 23), "Bauhof 2");

    @Test
    void anItemGoesFromNewToVerified() {
        ItemStatus status = NEW;
        status = Workflow.next(status, new ItemAction.Confirm());
        assertThat(status).isEqualTo(CONFIRMED);
        status = Workflow.next(status, MONDAY);
        assertThat(status).isEqualTo(SCHEDULED);
        status = Workflow.next(status, MONDAY); // rescheduled
        assertThat(status).isEqualTo(SCHEDULED);
        status = Workflow.next(status, new ItemAction.MarkRepaired());
        assertThat(status).isEqualTo(REPAIRED);
        assertThat(Workflow.next(status, new ItemAction.NotSeenAgain())).isEqualTo(VERIFIED);
    }

    @Test
    void aDriveThatSeesARepairedDamageAgainReopensIt() {
        assertThat(Workflow.next(REPAIRED, new ItemAction.SeenAgain())).isEqualTo(CONFIRMED);
        assertThat(Workflow.next(VERIFIED, new ItemAction.SeenAgain())).isEqualTo(CONFIRMED);
    }

    @Test
    void drivesLeaveOpenAndRejectedItemsWhereTheyAre() {
        for (ItemStatus status : new ItemStatus[]{NEW, CONFIRMED, SCHEDULED, REJECTED}) {
            assertThat(Workflow.next(status, new ItemAction.SeenAgain())).isEqualTo(status);
            assertThat(Workflow.next(status, new ItemAction.NotSeenAgain())).isEqualTo(status);
        }
    }

    @Test
    void aFalsePositiveIsRejectedFromNewOrConfirmed() {
        assertThat(Workflow.next(NEW, new ItemAction.Reject("shadow"))).isEqualTo(REJECTED);
        assertThat(Workflow.next(CONFIRMED, new ItemAction.Reject("shadow"))).isEqualTo(REJECTED);
    }

    @Test
    void actionsTheStatusDoesNotAllowAreRefusedByName() {
        assertThatThrownBy(() -> Workflow.next(REJECTED, MONDAY))
                .isInstanceOf(TransitionRefusedException.class)
                .hasMessage("an item that is rejected cannot be given 'schedule'");
        assertThatThrownBy(() -> Workflow.next(NEW, new ItemAction.MarkRepaired()))
                .isInstanceOf(TransitionRefusedException.class);
        assertThatThrownBy(() -> Workflow.next(REPAIRED, new ItemAction.Confirm()))
                .isInstanceOf(TransitionRefusedException.class);
    }

    @Test
    void aScheduleNamesItsCrew() {
        assertThatThrownBy(() -> new ItemAction.Schedule(LocalDate.of(2026, 11, 23), " "))
                .hasMessageContaining("crew");
    }
}
