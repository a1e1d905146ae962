package uk.co.lomashwood.product.catalogue;

/** Lifecycle of a product (spec 20 §1.4.5). */
public enum ProductStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
