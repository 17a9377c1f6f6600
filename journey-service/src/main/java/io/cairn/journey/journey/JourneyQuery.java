package io.cairn.journey.journey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Filter, sort and page of a journey listing. {@code text} matches name and description, case-insensitively.
 * {@code sort} is {@code field} or {@code field,asc|desc} over name, createdAt, updatedAt, status.
 */
public record JourneyQuery(
        JourneyStatus status,
        @Size(max = 50) String tag,
        @Size(max = 100) String owner,
        @Size(max = 200) String text,
        @Pattern(regexp = "^(name|createdAt|updatedAt|status)(,(asc|desc))?$",
                message = "{cairn.validation.journeySort}")
        String sort,
        @Min(0) Integer offset,
        @Min(1) @Max(200) Integer limit) {

    public int offsetOrDefault() {
        return offset == null ? 0 : offset;
    }

    public int limitOrDefault() {
        return limit == null ? 50 : limit;
    }

    public String sortOrDefault() {
        return sort == null || sort.isBlank() ? "updatedAt,desc" : sort;
    }
}
