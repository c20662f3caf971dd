package org.roadpulse.roadai.service.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import org.roadpulse.roadai.maintenance.PriorityTerm;
import org.roadpulse.roadai.service.domain.AuditEntry;
import org.roadpulse.roadai.service.domain.Detection;
import org.roadpulse.roadai.service.domain.ItemComment;
import org.roadpulse.roadai.service.domain.ItemEvent;
import org.roadpulse.roadai.service.domain.MaintenanceItem;
import org.roadpulse.roadai.service.domain.Municipality;
import org.roadpulse.roadai.service.export.WhyFacts;
import org.roadpulse.roadai.service.queue.RankedItem;

/** The JSON the API answers with. */
final class Replies {

    private Replies() {
    }

    /** Every refusal: a stable {@code reason}, the {@code field} (parameter) at fault or null, and a sentence. */
    @Serdeable
    record Error(String reason, @Nullable String field, String message) {
    }

    @Serdeable
    record MunicipalityReply(String ags, String name, double[] area) {
        static MunicipalityReply of(Municipality m) {
            return new MunicipalityReply(m.ags(), m.name(), new double[] {m.minLon(), m.minLat(), m.maxLon(), m.maxLat()});
        }
    }

    /** A "why here" line: {@code basis} is the facts in English (for scripts); the pages word {@code facts}. */
    @Serdeable
    record Term(String term,
                @Schema(description = "the facts as an English sentence, for scripts; the pages word `facts`") String basis,
                double points, WhyFacts facts) {
        static Term of(PriorityTerm t) {
            return new Term(t.term(), t.basis(), Math.round(t.points() * 10) / 10.0, WhyFacts.of(t.facts()));
        }
    }

    @Serdeable
    record ItemReply(long id, int rank, String status, String damageClass, String kind, String rddCode, double grade,
                     boolean safetyCritical, double score, List<Term> why, String segmentId, String road,
                     String roadClass, int section, double latitude, double longitude, double largestPotholeM2,
                     double confidence, String firstSeen, String lastSeen, @Nullable String assignee,
                     @Nullable String scheduledFor, @Nullable String crew) {
        static ItemReply of(RankedItem r) {
            MaintenanceItem i = r.item();
            return new ItemReply(i.id(), r.rank(), lower(i.status().name()), i.damageClass(), lower(i.kind().name()),
                    i.kind().rddCode(), i.grade().value(), r.priority().safetyCritical(), r.priority().score(),
                    r.priority().terms().stream().map(Term::of).toList(), i.segmentId(), r.segment().name(),
                    r.segment().roadClass().germanName(), i.section(), i.latitude(), i.longitude(),
                    i.largestPotholeSquareMetres(), i.confidence(), i.firstSeen().toString(),
                    i.lastSeen().toString(), i.assignee(),
                    i.scheduledFor() == null ? null : i.scheduledFor().toString(), i.crew());
        }
    }

    @Serdeable
    record ItemsReply(String municipality, int count, List<ItemReply> items) {
    }

    @Serdeable
    record DetectionReply(long id, long imageId, String damageClass, String kind, double areaM2, double confidence,
                          double latitude, double longitude, @Nullable String segmentId, @Nullable Integer section,
                          int[] box) {
        static DetectionReply of(Detection d) {
            return new DetectionReply(d.id(), d.imageId(), d.damageClass(), lower(d.kind().name()),
                    d.areaSquareMetres(), d.confidence(), d.latitude(), d.longitude(), d.segmentId(), d.section(),
                    new int[] {d.boxX(), d.boxY(), d.boxWidth(), d.boxHeight()});
        }
    }

    @Serdeable
    record EventReply(String at, String who, String action, @Nullable String from, @Nullable String to,
                      @Nullable String detail) {
        static EventReply of(ItemEvent e) {
            return new EventReply(e.at().toString(), e.who(), e.action(), lowerOrNull(e.fromStatus()),
                    lowerOrNull(e.toStatus()), e.detail());
        }
    }

    /** A line of the municipality's audit trail; {@code item} is null for a settings change. */
    @Serdeable
    record AuditReply(String at, String who, String action, @Nullable Long item, @Nullable String detail) {
        static AuditReply of(AuditEntry e) {
            return new AuditReply(e.at().toString(), e.who(), e.action(), e.itemId(), e.detail());
        }
    }

    @Serdeable
    record CommentReply(String at, String who, String text) {
        static CommentReply of(ItemComment c) {
            return new CommentReply(c.at().toString(), c.who(), c.text());
        }
    }

    @Serdeable
    record ItemDetailReply(ItemReply item, List<DetectionReply> detections, List<EventReply> history,
                           List<CommentReply> comments) {
    }

    @Serdeable
    record RoadImportReply(int accepted, List<Refusal> refused) {
        @Serdeable
        record Refusal(int feature, @Nullable String id, String reason) {
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String lowerOrNull(String s) {
        return s == null ? null : lower(s);
    }
}
