package io.cairn.metrics.kase;

import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Performance;
import io.cairn.platform.web.Languages;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A case's title and reason worded from its {@link Case.Finding}, and the text of a case event, in one of the
 * suite's languages: English for what a case stores, the subscriber's language for a webhook. The figures are
 * written as the API writes them (CSAT {@code 62.5%}, NPS {@code +12}), times in UTC.
 */
public final class CaseWording {

    private static final ResourceBundleMessageSource TEXTS = Languages.texts("io/cairn/metrics/kase/cases");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CaseWording() {
    }

    public static String title(String touchpoint, Metric metric, Case.Finding finding, Locale locale) {
        Object threshold = finding.threshold() == null ? "" : Performance.figure(metric, finding.threshold());
        return text("title." + finding.kind(), locale, touchpoint, metric, threshold);
    }

    public static String reason(Metric metric, Case.Finding finding, Locale locale) {
        return switch (finding.kind()) {
            case BELOW_TARGET -> text("reason.BELOW_TARGET", locale, metric, Performance.figure(metric, finding.score()),
                    String.valueOf(finding.n()), finding.margin() == null ? "?" : String.format(Locale.ROOT, "%.1f", finding.margin()),
                    Performance.figure(metric, finding.threshold()), finding.days());
            case DROP -> text("reason.DROP", locale, metric, Performance.figure(metric, finding.previousScore()),
                    String.valueOf(finding.previousN()), Performance.figure(metric, finding.score()),
                    String.valueOf(finding.n()), finding.days());
            case DETRACTOR_COMMENT -> text("reason.DETRACTOR_COMMENT", locale, metric,
                    String.valueOf(Math.round(finding.score())), finding.comment(), time(finding.answeredAt()));
        };
    }

    /**
     * The text of {@code event} (case.opened, case.acknowledged, case.resolved) of {@code kase}: title and reason
     * worded from its finding, or as stored for a case opened before findings were kept.
     */
    public static String event(String event, Case kase, String actor, Locale locale) {
        String title = kase.finding() == null ? kase.title()
                : title(kase.touchpointName() != null ? kase.touchpointName() : kase.touchpointId(), kase.metric(),
                        kase.finding(), locale);
        return switch (event) {
            case "case.opened" -> text("event.case.opened", locale, String.valueOf(kase.ownerTeam()), title,
                    kase.finding() == null ? kase.reason() : reason(kase.metric(), kase.finding(), locale),
                    time(kase.dueAt()));
            case "case.acknowledged" -> text("event.case.acknowledged", locale, actor, title);
            case "case.resolved" -> text("event.case.resolved", locale, actor, title, kase.resolutionNote());
            default -> event + ": " + title;
        };
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private static String text(String key, Locale locale, Object... args) {
        return TEXTS.getMessage(key, args, locale);
    }
}
