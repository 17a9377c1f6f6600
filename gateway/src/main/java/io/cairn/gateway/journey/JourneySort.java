package io.cairn.gateway.journey;

/** GraphQL {@code JourneySort}, as journey-service's {@code sort} parameter. */
public enum JourneySort {
    UPDATED_AT_DESC("updatedAt,desc"),
    UPDATED_AT_ASC("updatedAt,asc"),
    CREATED_AT_DESC("createdAt,desc"),
    CREATED_AT_ASC("createdAt,asc"),
    NAME_ASC("name,asc"),
    NAME_DESC("name,desc");

    private final String parameter;

    JourneySort(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
