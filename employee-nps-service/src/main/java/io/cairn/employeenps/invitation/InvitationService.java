package io.cairn.employeenps.invitation;

import io.cairn.employeenps.campaign.Campaign;
import io.cairn.employeenps.campaign.CampaignService;
import io.cairn.employeenps.config.EnpsProperties;
import io.cairn.employeenps.department.DepartmentRepository;
import io.cairn.employeenps.department.DepartmentTree;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Issues single-use links, from a roster (department + email) or from head counts per department. */
@Service
public class InvitationService {

    static final int MAX_LINKS = 100_000;

    private final CampaignService campaigns;
    private final DepartmentRepository departments;
    private final InvitationRepository invitations;
    private final EnpsProperties properties;

    public InvitationService(CampaignService campaigns, DepartmentRepository departments,
            InvitationRepository invitations, EnpsProperties properties) {
        this.campaigns = campaigns;
        this.departments = departments;
        this.invitations = invitations;
        this.properties = properties;
    }

    public IssuedLinks forRoster(String campaignId, Reader csv) {
        Campaign campaign = issuable(campaignId);
        DepartmentTree scope = campaign.scopeTree(departments::tree);
        List<RosterReader.Entry> roster = RosterReader.read(csv, scope::contains);
        // the hashed roster entry is the claim: of two uploads naming the same person, one issues the link
        Set<Integer> known = invitations.recordInvitees(InvitationRepository.hashes(campaignId,
                roster.stream().map(RosterReader.Entry::email).toList()));
        List<String> alreadyInvited = new ArrayList<>();
        List<IssuedLinks.Link> links = new ArrayList<>();
        List<Invitation> stored = new ArrayList<>();
        for (int i = 0; i < roster.size(); i++) {
            RosterReader.Entry entry = roster.get(i);
            if (known.contains(i)) {
                alreadyInvited.add(entry.email());
                continue;
            }
            String token = LinkTokens.generate();
            stored.add(new Invitation(LinkTokens.hash(token), campaignId, entry.department(), false));
            links.add(new IssuedLinks.Link(entry.department(), entry.email(), url(token)));
        }
        invitations.insertAll(stored);
        return new IssuedLinks(campaignId, links.size(), alreadyInvited, links);
    }

    public IssuedLinks forCounts(String campaignId, Map<String, Integer> counts) {
        Campaign campaign = issuable(campaignId);
        DepartmentTree scope = campaign.scopeTree(departments::tree);
        if (counts == null || counts.isEmpty()) {
            throw ApiException.badRequest(Refusal.of("invitation.countsRequired",
                    "Give a number of links per department, e.g. {\"counts\": {\"sales\": 12}}"));
        }
        long total = 0;
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            String code = count.getKey().trim().toLowerCase(Locale.ROOT);
            if (!scope.contains(code)) {
                throw ApiException.badRequest(Refusal.of("invitation.departmentNotInCampaign",
                        "Department {0} is not in the campaign", code));
            }
            if (count.getValue() == null || count.getValue() < 1) {
                throw ApiException.badRequest(Refusal.of("invitation.countTooSmall",
                        "The number of links for {0} must be at least 1", code));
            }
            total += count.getValue();
        }
        if (total > MAX_LINKS) {
            throw ApiException.badRequest(Refusal.of("invitation.tooManyLinks",
                    "At most {0} links per request; asked for {1}", MAX_LINKS, total));
        }
        List<IssuedLinks.Link> links = new ArrayList<>();
        List<Invitation> stored = new ArrayList<>();
        counts.forEach((department, n) -> {
            String code = department.trim().toLowerCase(Locale.ROOT);
            for (int i = 0; i < n; i++) {
                String token = LinkTokens.generate();
                stored.add(new Invitation(LinkTokens.hash(token), campaignId, code, false));
                links.add(new IssuedLinks.Link(code, null, url(token)));
            }
        });
        invitations.insertAll(stored);
        return new IssuedLinks(campaignId, links.size(), List.of(), links);
    }

    private Campaign issuable(String campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.statusAt(campaigns.now()) == Campaign.Status.CLOSED) {
            throw ApiException.invalidState("Campaign " + campaignId + " is closed");
        }
        return campaign;
    }

    private String url(String token) {
        return properties.surveyUrl() + "#" + token;
    }
}
