package io.cairn.employeenps.results;

import io.cairn.platform.web.Languages;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Why a group's figures or its comments are hidden, in one of the suite's languages: English in the results
 * (computed once per campaign for every reader), the reader's language in the CSV export.
 */
final class HiddenWording {

    static final String FEWER_THAN_MINIMUM = "FEWER_THAN_MINIMUM";
    static final String PROTECTS_SMALLER_GROUP = "PROTECTS_SMALLER_GROUP";

    private static final ResourceBundleMessageSource TEXTS = Languages.texts("io/cairn/employeenps/results/hidden");

    private HiddenWording() {
    }

    /** {@code rule}: {@link #FEWER_THAN_MINIMUM} or {@link #PROTECTS_SMALLER_GROUP}; {@code min}: the group size it needs. */
    static String figures(String rule, int min, Locale locale) {
        return TEXTS.getMessage("figures." + rule, new Object[] {min}, locale);
    }

    static String comments(String rule, int min, Locale locale) {
        return TEXTS.getMessage("comments." + rule, new Object[] {min}, locale);
    }
}
