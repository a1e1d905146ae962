package uk.co.lomashwood.product.taxonomy;

import uk.co.lomashwood.product.catalogue.Scope;

import java.util.Map;
import java.util.UUID;

/** A colour swatch (FR9.2) with the number of live products using it. */
public record Colour(UUID id, String name, String hexCode, String description, Scope category, boolean isActive,
                     int sortOrder, Map<String, Object> metadata, long productCount) {
}
