package uk.co.lomashwood.product.media;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
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

    @GetMapping("/v1/products/images/{file}")
    public ResponseEntity<byte[]> image(@PathVariable String file) {
        return images.read(file)
                .map(o -> ResponseEntity.ok().contentType(MediaType.parseMediaType(o.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .body(o.content()))
                .orElseThrow(() -> new ApiException(ErrorCode.MEDIA_NOT_FOUND, "No such image."));
    }
}
