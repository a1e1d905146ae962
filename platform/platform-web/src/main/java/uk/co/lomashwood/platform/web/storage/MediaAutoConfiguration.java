package uk.co.lomashwood.platform.web.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import uk.co.lomashwood.platform.web.cdn.CdnInvalidator;
import uk.co.lomashwood.platform.web.cdn.NoOpCdnInvalidator;

import java.nio.file.Path;

/**
 * Object storage and CDN invalidation for services that declare a {@code lomash.media.public-base-url}
 * or use the defaults: the local filesystem under {@code ${LOMASH_DATA_DIR}/media} and a no-op CDN.
 */
@AutoConfiguration
public class MediaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObjectStorage objectStorage(@Value("${LOMASH_DATA_DIR:${lomash.data-dir:./.data}}") String dataDir,
                                @Value("${lomash.media.public-base-url:${MEDIA_BASE_URL:http://localhost:3000/media}}") String baseUrl) {
        return new LocalObjectStorage(Path.of(dataDir, "media"), baseUrl);
    }

    @Bean
    @ConditionalOnMissingBean
    CdnInvalidator cdnInvalidator() {
        return new NoOpCdnInvalidator();
    }
}
