package io.cairn.platform.revision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The history of one kind of versioned document, in its own collection. A revision's id is
 * {@code <document id>:<number>}, so recording the same revision twice is harmless.
 */
public class RevisionLog {

    private final MongoTemplate mongo;
    private final String collection;

    public RevisionLog(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
        mongo.indexOps(collection).createIndex(new Index()
                .on("documentId", Sort.Direction.ASC).on("number", Sort.Direction.DESC).unique());
    }

    /** Stores the revision unless it is already there (null is ignored). */
    public void record(Revision revision) {
        if (revision != null) {
            mongo.save(revision, collection);
        }
    }

    public RevisionPage page(String documentId, int offset, int limit) {
        List<Revision.Summary> items = mongo.find(byDocument(documentId)
                        .with(Sort.by(Sort.Direction.DESC, "number")).skip(offset).limit(limit), Revision.class, collection)
                .stream().map(Revision::summary).toList();
        return new RevisionPage(items, mongo.count(byDocument(documentId), Revision.class, collection), offset, limit);
    }

    public Optional<Revision> find(String documentId, long number) {
        return Optional.ofNullable(mongo.findById(Revision.id(documentId, number), Revision.class, collection));
    }

    /** The newest revision of the document, if it has any. */
    public Optional<Revision> latest(String documentId) {
        return newest(byDocument(documentId));
    }

    /** The newest revision of the document that also matches {@code criteria} (on the revision's fields). */
    public Optional<Revision> latestWhere(String documentId, Criteria criteria) {
        return newest(new Query(new Criteria().andOperator(Criteria.where("documentId").is(documentId), criteria)));
    }

    private Optional<Revision> newest(Query query) {
        return Optional.ofNullable(mongo.findOne(query.with(Sort.by(Sort.Direction.DESC, "number")).limit(1),
                Revision.class, collection));
    }

    /** What differs between the document as of revision {@code from} and as of revision {@code to}. */
    public RevisionDiff diff(Revision from, Revision to, java.util.Set<String> auditFields) {
        return new RevisionDiff(from.number(), to.number(), JsonDiff.between(from.snapshot(), to.snapshot(), auditFields));
    }

    public void deleteAll(String documentId) {
        mongo.remove(byDocument(documentId), Revision.class, collection);
    }

    private static Query byDocument(String documentId) {
        return Query.query(Criteria.where("documentId").is(documentId));
    }
}
