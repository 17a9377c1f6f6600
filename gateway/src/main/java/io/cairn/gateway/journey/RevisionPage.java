package io.cairn.gateway.journey;

import java.util.List;

/** A page of a journey's history as journey-service returns it. */
public record RevisionPage(List<Revision> items, long total, int offset, int limit) {

    public record Revision(long number, String operation, String actor, String at, List<Change> changes) {
    }

    /** before/after are any JSON value; GraphQL gets them JSON-encoded. */
    public record Change(String path, Object before, Object after) {
    }
}
