package uk.co.lomashwood.platform.web.storage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import uk.co.lomashwood.platform.web.cdn.CdnInvalidator;
import uk.co.lomashwood.platform.web.cdn.CoalescingCdnInvalidator;
import uk.co.lomashwood.platform.web.cdn.NoOpCdnInvalidator;

import static org.assertj.core.api.Assertions.assertThat;

class MediaAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MediaAutoConfiguration.class))
            .withPropertyValues("aws.accessKeyId=AKIDEXAMPLE", "aws.secretAccessKey=secret");

    @Test
    void locallyMediaGoToTheDataFolderAndNoCdnIsCalled() {
        runner.withPropertyValues("LOMASH_DATA_DIR=target/media-test").run(context -> {
            assertThat(context.getBean(ObjectStorage.class)).isInstanceOf(LocalObjectStorage.class);
            assertThat(context.getBean(CdnInvalidator.class)).isInstanceOf(NoOpCdnInvalidator.class);
        });
    }

    @Test
    void aBucketSelectsS3AndADistributionSelectsCoalescedCloudFront() {
        runner.withPropertyValues("S3_BUCKET=lomash-media", "CLOUDFRONT_DISTRIBUTION_ID=EDFDVBD6EXAMPLE",
                "AWS_ENDPOINT_URL=http://127.0.0.1:9").run(context -> {
            assertThat(context.getBean(ObjectStorage.class)).isInstanceOf(S3ObjectStorage.class);
            assertThat(context.getBean(CdnInvalidator.class)).isInstanceOf(CoalescingCdnInvalidator.class);
        });
    }

    @Test
    void localFilesRoundTripAndUnsafeKeysAreRefused() {
        LocalObjectStorage local = new LocalObjectStorage(java.nio.file.Path.of("target/media-test"), "http://x/v1/");
        String url = local.put("products/images/a.png", new byte[] {9, 8}, "image/png");
        assertThat(url).isEqualTo("http://x/v1/products/images/a.png");
        assertThat(local.get("products/images/a.png").orElseThrow().contentType()).isEqualTo("image/png");
        assertThat(local.get("../../etc/passwd")).isEmpty();
        assertThat(ObjectKeys.isSafe("/abs")).isFalse();
        assertThat(ObjectKeys.isSafe("a/../b")).isFalse();
    }
}
