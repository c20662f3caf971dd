package org.roadpulse.roadai.service.queue;

import org.roadpulse.roadai.service.domain.ItemEvent;
import org.roadpulse.roadai.service.domain.ItemComment;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.roadpulse.roadai.maintenance.ItemAction;
import org.roadpulse.roadai.maintenance.ItemStatus;
import org.roadpulse.roadai.maintenance.Workflow;
import org.roadpulse.roadai.service.storage.Jdbc;
import org.roadpulse.roadai.service.storage.PgItemHistory;
import org.roadpulse.roadai.service.storage.PgItems;

/**
 * What staff do with an item: the workflow's steps (confirm, reject, schedule, repaired), assigning it and commenting.
 * Each is one transaction with its audit event naming who did it; a step the item's status forbids is refused
 * ({@link org.roadpulse.roadai.maintenance.TransitionRefusedException}) and changes nothing.
 */
@Singleton
public final class ItemActions {

    /** Longest free text kept (comments, reasons, names). */
    static final int MAX_TEXT = 2000;

    /**
     * What the request asks for; fields not used by the action are ignored.
     *
     * @param date     {@code schedule}: the planned date (ISO, e.g. 2026-12-14)
     * @param crew     {@code schedule}: the crew doing it
     * @param assignee {@code assign}: the person responsible (empty: nobody)
     * @param text     {@code comment}: the comment; {@code reject}: the reason (optional)
     */
    @io.micronaut.serde.annotation.Serdeable
    public record Request(String date, String crew, String assignee, String text) {
    }

    private final Jdbc jdbc;
    private final PgItems items;
    private final PgItemHistory history;
    private final Clock clock = Clock.systemUTC();

    public ItemActions(Jdbc jdbc, PgItems items, PgItemHistory history) {
        this.jdbc = jdbc;
        this.items = items;
        this.history = history;
    }

    public void act(String ags, long id, String action, Request request, String who) {
        String by = text("who", who, 120);
        if (by == null) {
            throw new InvalidParameterException("X-RoadPulse-User", "say who does this (header X-RoadPulse-User)");
        }
        Request r = request == null ? new Request(null, null, null, null) : request;
        switch (action) {
            case "confirm" -> step(ags, id, new ItemAction.Confirm(), by, null);
            case "reject" -> {
                String reason = text("text", r.text(), MAX_TEXT);
                step(ags, id, new ItemAction.Reject(reason), by, reason);
            }
            case "schedule" -> schedule(ags, id, r, by);
            case "repaired" -> step(ags, id, new ItemAction.MarkRepaired(), by, null);
            case "assign" -> assign(ags, id, text("assignee", r.assignee(), 120), by);
            case "comment" -> comment(ags, id, r.text(), by);
            default -> throw new InvalidParameterException("action", "unknown action '" + action
                    + "': confirm, reject, schedule, repaired, assign or comment");
        }
    }

    private void schedule(String ags, long id, Request r, String by) {
        if (r.date() == null || r.date().isBlank()) {
            throw new InvalidParameterException("date", "a schedule needs a date (e.g. 2026-12-14)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(r.date().trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("date", "not a date: '" + r.date() + "' (use 2026-12-14)");
        }
        String crew = text("crew", r.crew(), 120);
        if (crew == null) {
            throw new InvalidParameterException("crew", "a schedule names the crew");
        }
        step(ags, id, new ItemAction.Schedule(date, crew), by, date + ", " + crew);
    }

    private void step(String ags, long id, ItemAction action, String by, String detail) {
        jdbc.inTransaction(c -> {
            ItemStatus from = items.find(c, ags, id, true).orElseThrow(() -> new ItemNotFoundException(ags, id))
                    .status();
            ItemStatus to = Workflow.next(from, action);
            items.status(c, ags, id, to);
            if (action instanceof ItemAction.Schedule s) {
                items.schedule(c, ags, id, s.date(), s.crew());
            }
            history.record(c, ags, id, new ItemEvent(now(), by, action.name(), from.name(), to.name(), detail));
            return null;
        });
    }

    private void assign(String ags, long id, String assignee, String by) {
        jdbc.inTransaction(c -> {
            items.find(c, ags, id, true).orElseThrow(() -> new ItemNotFoundException(ags, id));
            items.assign(c, ags, id, assignee);
            history.record(c, ags, id, new ItemEvent(now(), by, "assign", null, null,
                    assignee == null ? "nobody" : assignee));
            return null;
        });
    }

    private void comment(String ags, long id, String text, String by) {
        String comment = text("text", text, MAX_TEXT);
        if (comment == null) {
            throw new InvalidParameterException("text", "a comment needs text");
        }
        jdbc.inTransaction(c -> {
            items.find(c, ags, id, true).orElseThrow(() -> new ItemNotFoundException(ags, id));
            Instant at = now();
            history.comment(c, ags, id, new ItemComment(at, by, comment));
            history.record(c, ags, id, new ItemEvent(at, by, "comment", null, null, null));
            return null;
        });
    }

    private Instant now() {
        return clock.instant();
    }

    /** Trimmed text, null when blank; too long is refused by name. */
    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvalidParameterException(field, field + " is longer than " + max + " characters");
        }
        return trimmed;
    }
}
