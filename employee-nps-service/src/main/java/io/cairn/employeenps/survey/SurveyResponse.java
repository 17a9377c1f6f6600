package io.cairn.employeenps.survey;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One employee's answer: a random id (not an ObjectId, which would carry the exact time), the department
 * from the link, the day (never the time), no link and nothing about the person.
 */
@Document("responses")
public record SurveyResponse(@Id String id, String campaignId, String department, int score, String comment,
        LocalDate day) {
}
