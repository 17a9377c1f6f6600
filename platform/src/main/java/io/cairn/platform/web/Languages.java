package io.cairn.platform.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The languages the suite answers in, those of the web UI. A request's {@code Accept-Language} picks one
 * (a language of its own with another region, such as {@code en-GB}, picks that language); error texts and
 * validation messages are then written in it, and in English for any other request.
 */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE,
            Locale.TRADITIONAL_CHINESE);

    /** Their tags, as a field that names one of them is validated ({@code en}, {@code zh-CN}, {@code zh-TW}). */
    public static final String TAG_PATTERN = "^(en|zh-CN|zh-TW)$";

    private Languages() {
    }

    /**
     * Texts of the given bundles (UTF-8 properties) in any of these languages, English (the bundle without a
     * language) for any other whatever the server's own locale. A text given arguments is a MessageFormat
     * pattern, one without is taken as written.
     */
    public static ResourceBundleMessageSource texts(String... basenames) {
        ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
        texts.setBasenames(basenames);
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        return texts;
    }

    static AcceptHeaderLocaleResolver resolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
