package io.cairn.platform.web;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;

/**
 * Why a request is refused, in words any of the suite's {@link Languages} can give: a key of the service's
 * {@code problems} bundle ({@code problems_zh_CN.properties}, ...) with its arguments, and the English
 * text for English and any key a bundle lacks. A text with arguments is a {@link MessageFormat} pattern (a
 * single quote written twice), one without is taken as written, in the bundles too. The English text is the exception's message (logs, other clients' expectations).
 */
public record Refusal(String key, String english, Object... args) {

    public static Refusal of(String key, String english, Object... args) {
        return new Refusal(key, english, args);
    }

    /** The English text with its arguments, formatted as a bundle's text would be (no arguments: as written). */
    public String inEnglish() {
        return args.length == 0 ? english : new MessageFormat(english, Locale.ENGLISH).format(args);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Refusal r && key.equals(r.key) && english.equals(r.english) && Arrays.equals(args, r.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key + ": " + inEnglish();
    }
}
