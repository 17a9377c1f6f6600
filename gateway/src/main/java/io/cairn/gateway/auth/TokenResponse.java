package io.cairn.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An issued access token, in the OAuth2 token response shape plus the user's name and roles. */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        String username,
        List<String> roles) {
}
