package io.cairn.employeenps.campaign;

import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The languages a survey is offered in and the standard eNPS question in each. */
public final class Questions {

    public static final List<String> LANGUAGES = List.of("en", "zh-CN", "zh-TW");

    private static final Map<String, String> ENPS = Map.of(
            "en", "How likely are you to recommend %s as a place to work?",
            "zh-CN", "您有多大可能向朋友推荐%s作为工作场所？",
            "zh-TW", "您有多大可能向朋友推薦%s作為工作場所？");

    private Questions() {
    }

    /** The eNPS question per language: the given texts, the standard one for the rest. */
    public static Map<String, String> enps(String company, Map<String, String> given) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String text = given == null ? null : given.get(language);
            texts.put(language, text == null || text.isBlank() ? ENPS.get(language).formatted(company) : text.trim());
        }
        check(given);
        return texts;
    }

    /** The optional open question: only the languages given (falling back to English when read). */
    public static Map<String, String> open(Map<String, String> given) {
        check(given);
        if (given == null) {
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        given.forEach((language, text) -> {
            if (text != null && !text.isBlank()) {
                texts.put(language, text.trim());
            }
        });
        return texts.isEmpty() ? null : texts;
    }

    public static String language(String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        if (!LANGUAGES.contains(language)) {
            throw ApiException.badRequest(Refusal.of("campaign.languageNotOffered",
                    "Language {0} is not offered; use one of {1}", language, String.join(", ", LANGUAGES)));
        }
        return language;
    }

    /** The text in {@code language}, else in English, else any. */
    public static String in(Map<String, String> texts, String language) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        return texts.getOrDefault(language, texts.getOrDefault("en", texts.values().iterator().next()));
    }

    private static void check(Map<String, String> given) {
        if (given == null) {
            return;
        }
        given.forEach((language, text) -> {
            language(language);
            if (text != null && text.length() > 500) {
                throw ApiException.badRequest(Refusal.of("campaign.questionTooLong",
                        "The question in {0} is longer than 500 characters", language));
            }
        });
    }
}
