package uk.co.lomashwood.product.taxonomy;

import uk.co.lomashwood.product.catalogue.Scope;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** A reusable size preset (spec 20 §1.2 sizes) with the number of live products whose variants use it. */
public record Size(UUID id, String name, String title, String description, String image, BigDecimal width,
                   BigDecimal height, BigDecimal depth, String unit, Scope category, boolean isActive, int sortOrder,
                   Map<String, Object> metadata, long productCount) {
}
