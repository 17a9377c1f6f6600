package io.cairn.metrics.score;

import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A time window of whole days (UTC, inclusive): {@code from}/{@code to}, or the last {@code days} days (default 90). */
public record Window(LocalDate from, LocalDate to) {

    public static Window of(String from, String to, Integer days, Clock clock) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : day("to", to);
        int length = days == null ? 90 : days;
        if (length < 1 || length > 3660) {
            throw ApiException.badRequest(Refusal.of("window.days", "days must be between 1 and 3660"));
        }
        LocalDate start = from == null || from.isBlank() ? end.minusDays(length - 1L) : day("from", from);
        if (start.isAfter(end)) {
            throw ApiException.badRequest(Refusal.of("window.order", "from must not be after to"));
        }
        return new Window(start, end);
    }

    /** The window of the same length just before this one (for drops). */
    public Window previous() {
        long length = to.toEpochDay() - from.toEpochDay() + 1;
        return new Window(from.minusDays(length), from.minusDays(1));
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(Refusal.of("window.date", "{0} must be a date like 2026-01-31", name));
        }
    }
}
