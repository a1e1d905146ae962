package uk.co.lomashwood.product.product;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.product.catalogue.ProductStatus;
import uk.co.lomashwood.product.catalogue.Slugs;
import uk.co.lomashwood.product.catalogue.StyleType;
import uk.co.lomashwood.product.catalogue.Vat;
import uk.co.lomashwood.platform.core.money.Money;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListingQueryTest {

    private static MultiValueMap<String, String> params(String... pairs) {
        MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void equivalentQueriesShareAFingerprintWhateverTheOrderOrCaseOfValues() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        ListingQuery one = ListingQuery.parse(params("filter[colour]", a + "," + b, "filter[style]", "shaker,Modern"), false);
        ListingQuery two = ListingQuery.parse(params("filter[colour]", b + ",," + a, "filter[style]", "MODERN,SHAKER",
                "limit", "5"), false);
        assertThat(one.fingerprint()).isEqualTo(two.fingerprint()).hasSize(8);
        assertThat(one.styles()).containsExactly(StyleType.MODERN, StyleType.SHAKER);
        assertThat(ListingQuery.parse(params("sort", "title"), false).fingerprint())
                .isNotEqualTo(ListingQuery.parse(params(), false).fingerprint());
    }

    @Test
    void shoppersAlwaysSeePublishedProducts() {
        assertThat(ListingQuery.parse(params(), false).status()).isEqualTo(ProductStatus.PUBLISHED);
        assertThat(ListingQuery.parse(params(), true).status()).isNull();
        assertThatThrownBy(() -> ListingQuery.parse(params("status", "DRAFT"), false))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void moreThanTwentyValuesInOneFilterAreRefused() {
        String many = String.join(",", java.util.Collections.nCopies(21, "SHAKER"));
        assertThatThrownBy(() -> ListingQuery.parse(params("filter[style]", many), false))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void slugsAndVatFollowTheSpec() {
        assertThat(Slugs.fromTitle("Hampton Shaker — Sage Green & Oak!")).isEqualTo("hampton-shaker-sage-green-oak");
        assertThat(Slugs.unique("oak", s -> s.equals("oak") || s.equals("oak-2"))).isEqualTo("oak-3");
        assertThat(Vat.incVat(Money.ofPence(123_456))).isEqualTo(Money.ofPence(148_147));
        assertThat(Vat.incVat(null)).isNull();
    }
}
