package uk.co.lomashwood.product.media;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;

import java.io.IOException;
import java.net.URI;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Duration;

/** Serves locally stored product images (in AWS the CDN serves them straight from S3). */
@RestController
public class ProductImageController {

    private final ProductImages images;

    public ProductImageController(ProductImages images) {
        this.images = images;
    }

    public record Uploaded(String url) {
    }

    /** Stores an image for use in a product's {@code images[].url}; the content decides the type. */
    @PostMapping("/v1/products/images")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<Uploaded>> upload(HttpServletRequest request) throws IOException {
        // taken from the request rather than bound, so that a non-multipart body is a 415 problem, not a 500
        MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file") : null;
        if (file == null) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the image as multipart/form-data in a part named 'file'.");
        }
        String url = images.upload(file.getBytes());
        return ResponseEntity.created(URI.create(url)).body(ApiResponse.of(new Uploaded(url)));
    }

    @GetMapping("/v1/products/images/{file}")
    public ResponseEntity<byte[]> image(@PathVariable String file) {
        return images.read(file)
                .map(o -> ResponseEntity.ok().contentType(MediaType.parseMediaType(o.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .body(o.content()))
                .orElseThrow(() -> new ApiException(ErrorCode.MEDIA_NOT_FOUND, "No such image."));
    }
}
