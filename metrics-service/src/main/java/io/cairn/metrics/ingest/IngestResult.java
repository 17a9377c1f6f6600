package io.cairn.metrics.ingest;

import java.util.List;

/**
 * What an ingestion did: submissions received, newly counted, recognised as already received
 * (not counted again) and refused, with the reason per refused line or submission.
 */
public record IngestResult(long received, long accepted, long duplicates, long rejected, List<Rejection> rejections) {

    public record Rejection(long line, String submissionId, String reason) {
    }
}
