package uk.co.lomashwood.platform.web.response;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;

/** 201 with a {@code Location} header and the enveloped resource (spec 00 §1.1). */
public final class Created {

    private Created() {
    }

    public static <T> ResponseEntity<ApiResponse<T>> at(URI location, T body) {
        return ResponseEntity.created(location).body(ApiResponse.of(body));
    }

    /** Location = the current request path + "/" + id. */
    public static <T> ResponseEntity<ApiResponse<T>> under(Object id, T body) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return at(location, body);
    }
}
