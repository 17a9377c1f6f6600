package io.cairn.employeenps.department;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The department tree, one document per department keyed by its code. */
@Repository
public class DepartmentRepository {

    private final MongoTemplate mongo;

    public DepartmentRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public DepartmentTree tree() {
        return DepartmentTree.of(mongo.findAll(Department.class));
    }

    public void insert(Department department) {
        mongo.insert(department);
    }

    /** Writes every department of {@code tree} and removes the ones it no longer holds. */
    public void replaceAll(Collection<Department> departments) {
        departments.forEach(mongo::save);
        List<String> codes = departments.stream().map(Department::code).toList();
        mongo.remove(Query.query(Criteria.where("_id").nin(codes)), Department.class);
    }

    public void delete(String code) {
        mongo.remove(Query.query(Criteria.where("_id").is(code)), Department.class);
    }
}
