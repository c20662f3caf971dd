package org.roadpulse.roadai.service.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roadpulse.roadai.maintenance.PriorityTerm;
import org.roadpulse.roadai.service.domain.MaintenanceItem;
import org.roadpulse.roadai.service.queue.RankedItem;

/**
 * The list as CSV for spreadsheets: one row per item in list order, with the "why here" terms in one column, worded
 * in English whatever the page's language (one file for every reader). Every text cell goes through
 * {@link SpreadsheetText}, so none is run as a formula.
 */
public final class ItemsCsv {

    static final String[] HEADER = {"rank", "id", "status", "class", "kind", "rdd_code", "grade", "safety_critical",
            "score", "segment_id", "road", "road_class", "section", "latitude", "longitude", "first_seen",
            "last_seen", "assignee", "scheduled_for", "crew", "why"};

    private ItemsCsv() {
    }

    public static String of(List<RankedItem> ranked) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
            for (RankedItem r : ranked) {
                MaintenanceItem i = r.item();
                csv.printRecord(r.rank(), i.id(), i.status().name().toLowerCase(Locale.ROOT), i.damageClass(),
                        i.kind().name().toLowerCase(Locale.ROOT), i.kind().rddCode(), i.grade(),
                        r.priority().safetyCritical(), r.priority().score(), safe(i.segmentId()),
                        safe(r.segment().name()), r.segment().roadClass().germanName(), i.section(),
                        i.latitude(), i.longitude(), i.firstSeen(), i.lastSeen(), safe(i.assignee()),
                        i.scheduledFor(), safe(i.crew()), safe(why(r)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String why(RankedItem r) {
        return r.priority().terms().stream().map(ItemsCsv::term).collect(Collectors.joining("; "));
    }

    private static String term(PriorityTerm t) {
        return String.format(Locale.ROOT, "%s %.1f (%s)", t.term(), t.points(), t.basis());
    }

    private static String safe(String text) {
        return SpreadsheetText.defused(text);
    }
}
