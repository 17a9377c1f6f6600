package io.cairn.employeenps.survey;

import io.cairn.employeenps.campaign.Campaign;
import io.cairn.employeenps.campaign.CampaignRepository;
import io.cairn.employeenps.campaign.CampaignService;
import io.cairn.employeenps.campaign.Questions;
import io.cairn.employeenps.invitation.Invitation;
import io.cairn.employeenps.invitation.InvitationRepository;
import io.cairn.employeenps.invitation.LinkTokens;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The employee side: read the survey behind a link, answer it once. */
@Service
public class SurveyService {

    private final InvitationRepository invitations;
    private final CampaignRepository campaigns;
    private final CampaignService lifecycle;
    private final ResponseRepository responses;

    public SurveyService(InvitationRepository invitations, CampaignRepository campaigns, CampaignService lifecycle,
            ResponseRepository responses) {
        this.invitations = invitations;
        this.campaigns = campaigns;
        this.lifecycle = lifecycle;
        this.responses = responses;
    }

    public Survey read(String token, String language) {
        Answerable answerable = answerable(token);
        Campaign c = answerable.campaign();
        String lang = language == null || language.isBlank() ? c.language() : Questions.language(language);
        return new Survey(c.name(), lang, Questions.LANGUAGES, Questions.in(c.question(), lang),
                Questions.in(c.openQuestion(), lang), c.question(), c.openQuestion(), c.closesAt());
    }

    public void answer(String token, Integer score, String comment) {
        if (score == null || score < 0 || score > 10) {
            throw ApiException.badRequest(Refusal.of("survey.scoreOutOfRange",
                    "The score is a whole number from 0 to 10"));
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            throw ApiException.badRequest(Refusal.of("survey.commentTooLong",
                    "The comment is longer than 2000 characters"));
        }
        Answerable answerable = answerable(token);
        Campaign c = answerable.campaign();
        if (c.openQuestion() == null) {
            text = null;
        }
        String hash = answerable.invitation().tokenHash();
        if (!invitations.claim(hash)) {
            throw used(c);
        }
        try {
            responses.insert(new SurveyResponse(UUID.randomUUID().toString(), c.id(),
                    answerable.invitation().department(), score, text,
                    lifecycle.now().atZone(ZoneOffset.UTC).toLocalDate()));
        } catch (RuntimeException e) {
            invitations.release(hash);
            throw e;
        }
    }

    private Answerable answerable(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw linkNotFound();
        }
        Invitation invitation = invitations.find(LinkTokens.hash(token.trim())).orElseThrow(SurveyService::linkNotFound);
        Campaign campaign = campaigns.findById(invitation.campaignId()).orElseThrow(SurveyService::linkNotFound);
        Instant now = lifecycle.now();
        if (invitation.used()) {
            throw used(campaign);
        }
        Campaign.Status status = campaign.statusAt(now);
        if (status == Campaign.Status.CLOSED) {
            throw new ApiException(HttpStatus.GONE, "CAMPAIGN_CLOSED", "This survey has closed; answers are no longer taken",
                    Map.of("closedAt", campaign.closedAtOrDeadline(now), "language", campaign.language()));
        }
        if (!campaign.acceptsAnswersAt(now)) {
            throw new ApiException(HttpStatus.CONFLICT, "CAMPAIGN_NOT_OPEN", "This survey is not open yet",
                    campaign.opensAt() == null ? Map.of("language", campaign.language())
                            : Map.of("opensAt", campaign.opensAt(), "language", campaign.language()));
        }
        return new Answerable(invitation, campaign);
    }

    /** The campaign's language goes along so the page can say it in the employee's language. */
    private static ApiException used(Campaign campaign) {
        return new ApiException(HttpStatus.GONE, "LINK_USED", "This link has already been used to answer the survey",
                Map.of("language", campaign.language()));
    }

    private static ApiException linkNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "LINK_NOT_FOUND", "This survey link is not valid");
    }

    private record Answerable(Invitation invitation, Campaign campaign) {
    }

    /** What the survey page shows, in the chosen language, with every language's text for switching. */
    public record Survey(String campaign, String language, java.util.List<String> languages, String question,
            String openQuestion, Map<String, String> questions, Map<String, String> openQuestions, Instant closesAt) {
    }
}
