package io.cairn.employeenps.invitation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Survey links, and a separate set of hashed roster entries (campaign + email) that only prevents
 * inviting the same person twice: it holds no link, no department and no time.
 */
@Repository
public class InvitationRepository {

    static final String INVITEES = "invitees";

    private final MongoTemplate mongo;

    public InvitationRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Invitation.class).createIndex(new Index().on("campaignId", Sort.Direction.ASC)
                .on("department", Sort.Direction.ASC));
    }

    public void insertAll(List<Invitation> invitations) {
        if (!invitations.isEmpty()) {
            mongo.insert(invitations, Invitation.class);
        }
    }

    /** Records the roster entries; answers the positions of those recorded before (not recorded again). */
    public Set<Integer> recordInvitees(List<String> inviteeHashes) {
        Set<Integer> known = new HashSet<>();
        if (inviteeHashes.isEmpty()) {
            return known;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, INVITEES);
        inviteeHashes.forEach(hash -> bulk.insert(new Document("_id", hash)));
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            e.getErrors().forEach(error -> {
                if (error.getCode() != 11000) {
                    throw e;
                }
                known.add(error.getIndex());
            });
        }
        return known;
    }

    public Optional<Invitation> find(String tokenHash) {
        return Optional.ofNullable(mongo.findById(tokenHash, Invitation.class));
    }

    /** Marks the link used if it is not yet: exactly one of any number of concurrent callers succeeds. */
    public boolean claim(String tokenHash) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(tokenHash).and("used").is(false)),
                Update.update("used", true), FindAndModifyOptions.options().returnNew(true), Invitation.class) != null;
    }

    /** Gives a claimed link back when its response could not be stored, so the employee can retry. */
    public void release(String tokenHash) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(tokenHash)), Update.update("used", false), Invitation.class);
    }

    /** Links issued per department of a campaign. */
    public Map<String, Long> invitedPerDepartment(String campaignId) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("campaignId").is(campaignId)),
                Aggregation.group("department").count().as("n"));
        Map<String, Long> result = new TreeMap<>();
        for (Document row : mongo.aggregate(count, Invitation.class, Document.class).getMappedResults()) {
            result.put(row.getString("_id"), ((Number) row.get("n")).longValue());
        }
        return result;
    }

    public static List<String> hashes(String campaignId, List<String> emails) {
        List<String> hashes = new ArrayList<>();
        emails.forEach(email -> hashes.add(LinkTokens.hash(campaignId + "\n" + email)));
        return hashes;
    }
}
