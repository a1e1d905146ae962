package uk.co.lomashwood.platform.web.cdn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.InvalidationBatch;
import software.amazon.awssdk.services.cloudfront.model.Paths;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Sends one CloudFront CreateInvalidation per batch (at most 3000 paths, the API's limit). */
public class CloudFrontInvalidator implements CdnInvalidator {

    static final int MAX_PATHS = 3000;
    private static final Logger log = LoggerFactory.getLogger(CloudFrontInvalidator.class);

    private final CloudFrontClient cloudFront;
    private final String distributionId;

    public CloudFrontInvalidator(CloudFrontClient cloudFront, String distributionId) {
        this.cloudFront = cloudFront;
        this.distributionId = distributionId;
    }

    @Override
    public void invalidate(Collection<String> paths) {
        List<String> all = new ArrayList<>(paths);
        for (int from = 0; from < all.size(); from += MAX_PATHS) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + MAX_PATHS));
            try {
                String id = cloudFront.createInvalidation(r -> r.distributionId(distributionId)
                        .invalidationBatch(InvalidationBatch.builder()
                                .callerReference(UUID.randomUUID().toString())
                                .paths(Paths.builder().quantity(batch.size()).items(batch).build()).build()))
                        .invalidation().id();
                log.info("cloudfront invalidation {} for {} paths", id, batch.size());
            } catch (RuntimeException e) {
                log.warn("cloudfront invalidation of {} paths failed: {}", batch.size(), e.getMessage());
            }
        }
    }
}
