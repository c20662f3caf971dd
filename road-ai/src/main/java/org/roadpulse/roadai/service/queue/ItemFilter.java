package org.roadpulse.roadai.service.queue;

import org.roadpulse.roadai.service.domain.MaintenanceItem;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.roadpulse.roadai.maintenance.ItemStatus;

/**
 * Which items a list shows: statuses (default: the open ones, the working list), damage class ({@code crack},
 * {@code pothole} or any) and a minimum grade.
 */
public record ItemFilter(Set<ItemStatus> statuses, String damageClass, double minGrade) {

    public static final ItemFilter WORKING_LIST = new ItemFilter(open(), null, 1.0);

    /**
     * Reads the query parameters; {@link IllegalArgumentException} names the parameter at fault.
     *
     * @param status  comma-separated statuses, {@code open} (default) or {@code all}
     * @param cls     {@code crack}, {@code pothole} or empty
     * @param grade   a grade 1.0–5.0 or empty
     */
    public static ItemFilter parse(String status, String cls, String grade) {
        Set<ItemStatus> statuses;
        if (status == null || status.isBlank() || status.equalsIgnoreCase("open")) {
            statuses = open();
        } else if (status.equalsIgnoreCase("all")) {
            statuses = EnumSet.allOf(ItemStatus.class);
        } else {
            statuses = EnumSet.noneOf(ItemStatus.class);
            for (String s : status.split(",")) {
                try {
                    statuses.add(ItemStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameterException("status", "unknown status '" + s.trim()
                            + "': use open, all or new, confirmed, rejected, scheduled, repaired, verified");
                }
            }
        }
        String damageClass = cls == null || cls.isBlank() ? null : cls.trim().toLowerCase(Locale.ROOT);
        if (damageClass != null && !damageClass.equals("crack") && !damageClass.equals("pothole")) {
            throw new InvalidParameterException("class", "class is crack or pothole, not '" + cls + "'");
        }
        double min = 1.0;
        if (grade != null && !grade.isBlank()) {
            try {
                min = Double.parseDouble(grade.trim());
            } catch (NumberFormatException e) {
                min = Double.NaN;
            }
            if (!(min >= 1.0 && min <= 5.0)) {
                throw new InvalidParameterException("grade", "grade is a ZEB grade from 1.0 to 5.0, not '" + grade + "'");
            }
        }
        return new ItemFilter(statuses, damageClass, min);
    }

    public boolean admits(MaintenanceItem item) {
        return statuses.contains(item.status())
                && (damageClass == null || damageClass.equals(item.damageClass()))
                && item.grade().value() >= minGrade;
    }

    private static Set<ItemStatus> open() {
        EnumSet<ItemStatus> open = EnumSet.noneOf(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            if (s.open()) {
                open.add(s);
            }
        }
        return open;
    }
}
