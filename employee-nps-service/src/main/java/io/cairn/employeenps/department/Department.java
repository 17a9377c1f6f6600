package io.cairn.employeenps.department;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department: touchpoint owning teams use the same codes, so customer and employee NPS join on them.
 * {@code parent} is null for a top-level department.
 */
@Document("departments")
public record Department(
        @Id @NotBlank @Pattern(regexp = CODE, message = "{cairn.validation.code}") String code,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = CODE, message = "{cairn.validation.code}") String parent) {

    public static final String CODE = "[a-z0-9][a-z0-9-]{0,63}";
}
