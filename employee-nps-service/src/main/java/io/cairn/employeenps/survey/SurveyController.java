package io.cairn.employeenps.survey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public endpoints of the survey page (no login: the link token is the credential), rate limited per client.
 * The token travels in the request body, never in a URL, so no access log or trace holds it.
 */
@RestController
public class SurveyController {

    private final SurveyService surveys;
    private final PublicRateLimiter rateLimiter;

    public SurveyController(SurveyService surveys, PublicRateLimiter rateLimiter) {
        this.surveys = surveys;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/public/survey")
    SurveyService.Survey read(@RequestBody LinkRequest request, HttpServletRequest http) {
        rateLimiter.check(http);
        return surveys.read(request.token(), request.language());
    }

    @PostMapping("/public/survey/responses")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> answer(@RequestBody AnswerRequest request, HttpServletRequest http) {
        rateLimiter.check(http);
        surveys.answer(request.token(), request.score(), request.comment());
        return Map.of("status", "RECORDED", "message", "Thank you: your answer was recorded anonymously");
    }

    public record LinkRequest(@Size(max = 100) String token, String language) {
    }

    public record AnswerRequest(@Size(max = 100) String token, Integer score, String comment) {
    }
}
