package uk.co.lomashwood.product.catalogue;

/** Stock state of an inventory row or, at best, of a product. */
public enum Availability {
    IN_STOCK, LOW_STOCK, OUT_OF_STOCK
}
