package uk.co.lomashwood.product.catalogue;

/** Design style of a product. */
public enum StyleType {
    MODERN, TRADITIONAL, CONTEMPORARY, CLASSIC, MINIMALIST, RUSTIC, SHAKER, HANDLELESS, INDUSTRIAL
}
