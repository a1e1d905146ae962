package uk.co.lomashwood.platform.core.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTest {

    @Test
    void typeUriIsTheKebabCaseCode() {
        assertThat(ErrorCode.SLOT_UNAVAILABLE.typeUri()).isEqualTo("urn:lomashwood:problem:slot-unavailable");
    }

    @Test
    void catalogueStatusesFollowTheSpec() {
        assertThat(ErrorCode.RATE_LIMIT_EXCEEDED.status()).isEqualTo(429);
        assertThat(ErrorCode.EXPORT_EXPIRED.status()).isEqualTo(410);
        assertThat(ErrorCode.UPSTREAM_ERROR.status()).isEqualTo(502);
        assertThat(ErrorCode.PRODUCT_NOT_FOUND.status()).isEqualTo(404);
        assertThat(ErrorCode.PRODUCT_NOT_FOUND.referenceStatus()).isEqualTo(422);
        assertThat(ErrorCode.INVALID_CREDENTIALS.status()).isEqualTo(401);
        assertThat(ErrorCode.values()).hasSizeGreaterThan(220);
    }

    @Test
    void aReferencedMissingEntityIsABusinessRuleFailure() {
        assertThat(ApiException.reference(ErrorCode.PRODUCT_NOT_FOUND, "x").status()).isEqualTo(422);
    }
}
