package uk.co.lomashwood.product.catalogue;

/** Which catalogue a colour or size preset applies to. */
public enum Scope {
    KITCHEN, BEDROOM, BOTH
}
