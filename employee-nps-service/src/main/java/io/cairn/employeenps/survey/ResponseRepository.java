package io.cairn.employeenps.survey;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The anonymous responses, read only as counts per department and score, and as comment texts. */
@Repository
public class ResponseRepository {

    private final MongoTemplate mongo;

    public ResponseRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(SurveyResponse.class).createIndex(new Index().on("campaignId", Sort.Direction.ASC)
                .on("department", Sort.Direction.ASC));
    }

    public void insert(SurveyResponse response) {
        mongo.insert(response);
    }

    /** Responses per department and score of a campaign. */
    public List<Count> counts(String campaignId) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("campaignId").is(campaignId)),
                Aggregation.group("department", "score").count().as("n"));
        List<Count> result = new ArrayList<>();
        for (Document row : mongo.aggregate(count, SurveyResponse.class, Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            result.add(new Count(id.getString("department"), ((Number) id.get("score")).intValue(),
                    ((Number) row.get("n")).longValue()));
        }
        return result;
    }

    /** Comment texts of a campaign per department (one read, whatever the number of groups shown). */
    public java.util.Map<String, List<String>> commentsByDepartment(String campaignId) {
        Query query = Query.query(Criteria.where("campaignId").is(campaignId).and("comment").ne(null));
        query.fields().include("comment").include("department").exclude("_id");
        java.util.Map<String, List<String>> comments = new java.util.HashMap<>();
        for (Document d : mongo.find(query, Document.class, "responses")) {
            String text = d.getString("comment");
            if (text != null && !text.isBlank()) {
                comments.computeIfAbsent(d.getString("department"), k -> new ArrayList<>()).add(text);
            }
        }
        return comments;
    }

    /** Responses of one department and score value. */
    public record Count(String department, int score, long n) {
    }
}
