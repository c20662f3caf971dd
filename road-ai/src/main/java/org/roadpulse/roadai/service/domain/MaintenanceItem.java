package org.roadpulse.roadai.service.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.roadpulse.roadai.maintenance.ConditionGrade;
import org.roadpulse.roadai.maintenance.DamageKind;
import org.roadpulse.roadai.maintenance.ItemStatus;

/**
 * One entry of a municipality's list: a piece of damage at a 10-m section of a road segment, where staff stand with
 * it, and what the drives saw of it.
 *
 * @param largestPotholeSquareMetres the largest pothole any sighting measured (0 for cracks)
 * @param confidence                 the model's highest confidence over the sightings
 */
public record MaintenanceItem(long id, String municipality, DamageKind kind, String segmentId, int section,
                              double latitude, double longitude, ItemStatus status, ConditionGrade grade,
                              double largestPotholeSquareMetres, double confidence, Instant firstSeen,
                              Instant lastSeen, String assignee, LocalDate scheduledFor, String crew) {

    /** "pothole" or "crack": the class staff filter by; the kind says the crack's sub-type. */
    public String damageClass() {
        return kind.isCrack() ? "crack" : "pothole";
    }
}
