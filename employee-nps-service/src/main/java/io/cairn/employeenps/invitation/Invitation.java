package io.cairn.employeenps.invitation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A single-use survey link: the hash of its token, the campaign and the department it counts for, and
 * whether it was used. No email, no time of use: nothing here can be matched to a response.
 */
@Document("invitations")
public record Invitation(@Id String tokenHash, String campaignId, String department, boolean used) {
}
