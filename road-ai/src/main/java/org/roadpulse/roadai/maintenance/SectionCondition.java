package org.roadpulse.roadai.maintenance;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The condition of one stretch of road (a 10-m section or a whole segment) from what was found on it: a grade per kind
 * of damage from its share of the surface, and the section's grade as the worst of them (the weakest part decides,
 * as with ZEB's combined values).
 *
 * @param surfaceSquareMetres the road surface the findings were looked for on
 * @param damagedShare        per kind, the share (0–1) of that surface it covers
 * @param gradeByKind         per kind found, its grade
 * @param grade               the worst grade, 1.0 when nothing was found
 */
public record SectionCondition(double surfaceSquareMetres, Map<DamageKind, Double> damagedShare,
                               Map<DamageKind, ConditionGrade> gradeByKind, ConditionGrade grade) {

    /** Grades the findings on a surface of this size. Overlapping findings are not merged: the mapper's tiles do not overlap. */
    public static SectionCondition of(double surfaceSquareMetres, Collection<Finding> findings, GradingRules rules) {
        if (!(surfaceSquareMetres > 0)) {
            throw new IllegalArgumentException("a section needs a positive surface, not " + surfaceSquareMetres);
        }
        Map<DamageKind, Double> area = new EnumMap<>(DamageKind.class);
        for (Finding finding : findings) {
            area.merge(finding.kind(), finding.areaSquareMetres(), Double::sum);
        }
        Map<DamageKind, Double> share = new EnumMap<>(DamageKind.class);
        Map<DamageKind, ConditionGrade> grades = new EnumMap<>(DamageKind.class);
        ConditionGrade worst = ConditionGrade.BEST;
        for (Map.Entry<DamageKind, Double> entry : area.entrySet()) {
            double s = Math.min(1.0, entry.getValue() / surfaceSquareMetres);
            ConditionGrade g = rules.grade(entry.getKey(), s);
            share.put(entry.getKey(), s);
            grades.put(entry.getKey(), g);
            worst = worst.worse(g);
        }
        return new SectionCondition(surfaceSquareMetres, Map.copyOf(share), Map.copyOf(grades), worst);
    }
}
