package io.cairn.employeenps.invitation;

import java.util.List;

/**
 * Links just issued. This is the only time they exist in full: the service keeps their hashes, so a
 * lost list cannot be fetched again (issue new links for those people instead).
 *
 * @param alreadyInvited roster emails skipped because they got a link for this campaign before
 */
public record IssuedLinks(String campaignId, int issued, List<String> alreadyInvited, List<Link> links) {

    /** One link; {@code email} only for roster invitations. */
    public record Link(String department, String email, String url) {
    }
}
