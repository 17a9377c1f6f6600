package io.cairn.metrics.kase;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.metrics.score.Metric;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CaseWordingTest {

    static final Locale SIMPLIFIED = Locale.forLanguageTag("zh-CN");
    static final Locale TRADITIONAL = Locale.forLanguageTag("zh-TW");

    @Test
    void aCaseIsWordedFromItsFiguresInEachLanguage() {
        Case.Finding below = Case.Finding.belowTarget(62.5, 1234, 3.14, 70, 7);
        assertThat(CaseWording.title("Wifi", Metric.CSAT, below, Locale.ENGLISH)).isEqualTo("Wifi: CSAT below 70.0%");
        assertThat(CaseWording.reason(Metric.CSAT, below, Locale.ENGLISH))
                .isEqualTo("CSAT 62.5% (n=1234, ±3.1) is below 70.0% over the last 7 days");
        assertThat(CaseWording.reason(Metric.CSAT, Case.Finding.belowTarget(62.5, 40, null, 70, 1), Locale.ENGLISH))
                .isEqualTo("CSAT 62.5% (n=40, ±?) is below 70.0% over the last day");
        assertThat(CaseWording.title("Wifi", Metric.CSAT, below, SIMPLIFIED)).isEqualTo("Wifi：CSAT 低于 70.0%");
        assertThat(CaseWording.reason(Metric.CSAT, below, SIMPLIFIED)).isEqualTo("最近 7 天 CSAT 为 62.5%（n=1234，±3.1），低于 70.0%");

        Case.Finding drop = Case.Finding.drop(-4, 80, 21, 95, 30);
        assertThat(CaseWording.title("Check-in", Metric.NPS, drop, TRADITIONAL)).isEqualTo("Check-in：NPS 下降");
        assertThat(CaseWording.reason(Metric.NPS, drop, Locale.ENGLISH))
                .isEqualTo("NPS fell from +21 (n=95) to -4 (n=80) against the previous 30 days, beyond the margins of error");
        assertThat(CaseWording.reason(Metric.NPS, drop, TRADITIONAL))
                .isEqualTo("與之前 30 天相比，NPS 從 +21（n=95）降至 -4（n=80），超出誤差範圍");

        // a comment is taken as written, quotes and braces included
        Case.Finding detractor = Case.Finding.detractor(1, "Seat 'broken' {again}", Instant.parse("2026-12-01T08:30:00Z"));
        assertThat(CaseWording.reason(Metric.CSAT, detractor, Locale.ENGLISH))
                .isEqualTo("CSAT 1 with the comment \"Seat 'broken' {again}\" (at 2026-12-01 08:30 UTC)");
        assertThat(CaseWording.reason(Metric.CSAT, detractor, SIMPLIFIED))
                .isEqualTo("CSAT 1，评论：“Seat 'broken' {again}”（2026-12-01 08:30 UTC）");
        // a language the suite does not speak gets English
        assertThat(CaseWording.title("Seat", Metric.CSAT, detractor, Locale.FRENCH)).isEqualTo("Seat: detractor to follow up");
    }

    @Test
    void anEventIsWordedFromTheFindingOrFromWhatAnOlderCaseStored() {
        Case.Finding below = Case.Finding.belowTarget(62.5, 1234, 3.1, 70, 7);
        Case kase = new Case("c-1", null, "r-1", "j-1", "tp-1", "Wifi", Metric.CSAT, "fleet", "stored title", "stored reason",
                Case.Status.RESOLVED, "Router replaced", Instant.parse("2026-12-01T08:00:00Z"),
                Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-02T08:00:00Z"), List.of(), 3, below);
        assertThat(CaseWording.event("case.opened", kase, "cairn", Locale.ENGLISH)).isEqualTo("New case for fleet: "
                + "Wifi: CSAT below 70.0% (CSAT 62.5% (n=1234, ±3.1) is below 70.0% over the last 7 days), due 2026-12-03 08:00 UTC");
        assertThat(CaseWording.event("case.resolved", kase, "analyst", TRADITIONAL))
                .isEqualTo("analyst 已解決案件：Wifi：CSAT 低於 70.0%。Router replaced");
        assertThat(CaseWording.event("case.acknowledged", kase, "analyst", SIMPLIFIED)).isEqualTo("analyst 已确认工单：Wifi：CSAT 低于 70.0%");

        Case older = new Case("c-0", null, "r-1", "j-1", "tp-1", "Wifi", Metric.CSAT, "fleet", "stored title", "stored reason",
                Case.Status.OPEN, null, kase.openedAt(), kase.dueAt(), kase.updatedAt(), List.of(), 1, null);
        assertThat(CaseWording.event("case.opened", older, "cairn", SIMPLIFIED))
                .isEqualTo("fleet 有新工单：stored title（stored reason），截止时间 2026-12-03 08:00 UTC");
    }
}
