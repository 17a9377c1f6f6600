package io.cairn.employeenps.campaign;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns: HR admins run them; leaders see them (to read their department's results). */
@RestController
public class CampaignController {

    private final CampaignService campaigns;

    public CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping("/campaigns")
    @PreAuthorize("hasRole('HR_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView create(@Valid @RequestBody CampaignRequest request, Authentication user) {
        return view(campaigns.create(request, user.getName()));
    }

    @GetMapping("/campaigns")
    @PreAuthorize("hasAnyRole('HR_ADMIN', 'LEADER')")
    List<CampaignView> list(@RequestParam(required = false) Campaign.Status status) {
        return campaigns.list(status).stream().map(this::view).toList();
    }

    @GetMapping("/campaigns/{id}")
    @PreAuthorize("hasAnyRole('HR_ADMIN', 'LEADER')")
    CampaignView get(@PathVariable String id) {
        return view(campaigns.get(id));
    }

    @PatchMapping("/campaigns/{id}")
    @PreAuthorize("hasRole('HR_ADMIN')")
    CampaignView update(@PathVariable String id, @Valid @RequestBody CampaignRequest request) {
        return view(campaigns.update(id, request));
    }

    @PostMapping("/campaigns/{id}/open")
    @PreAuthorize("hasRole('HR_ADMIN')")
    CampaignView open(@PathVariable String id, @RequestBody VersionedAction action) {
        return view(campaigns.open(id, action.expectedVersion()));
    }

    @PostMapping("/campaigns/{id}/close")
    @PreAuthorize("hasRole('HR_ADMIN')")
    CampaignView close(@PathVariable String id, @RequestBody VersionedAction action) {
        return view(campaigns.close(id, action.expectedVersion()));
    }

    @DeleteMapping("/campaigns/{id}")
    @PreAuthorize("hasRole('HR_ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        campaigns.deleteDraft(id);
    }

    private CampaignView view(Campaign campaign) {
        return CampaignView.of(campaign, campaigns.now());
    }

    /** A lifecycle step taken on the version the client has seen. */
    public record VersionedAction(Long expectedVersion) {
    }
}
