package uk.co.lomashwood.product.taxonomy;

import uk.co.lomashwood.product.catalogue.ProductCategory;

import java.util.List;
import java.util.UUID;

/** A category page of spec 20 §1.3 Categories, with its parent, direct children and live product count. */
public record Category(UUID id, String name, String slug, String description, ProductCategory type, String image,
                      String icon, UUID parentId, int order, boolean isActive, boolean isFeatured, String metaTitle,
                      String metaDescription, String metaKeywords, Ref parent, List<Child> children,
                      long productCount) {

    public record Ref(UUID id, String name, String slug) {
    }

    public record Child(UUID id, String name, String slug, int order) {
    }

    public record Node(UUID id, String name, String slug, ProductCategory type, String image, String icon, int order,
                       long productCount, List<Node> children) {
    }
}
