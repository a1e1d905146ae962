package uk.co.lomashwood.product.catalogue;

/** The two catalogues (spec 20 §1.2). */
public enum ProductCategory {
    KITCHEN, BEDROOM
}
