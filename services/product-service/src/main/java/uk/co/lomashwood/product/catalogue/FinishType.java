package uk.co.lomashwood.product.catalogue;

/** Surface finish of a product. */
public enum FinishType {
    GLOSS, MATT, SATIN, TEXTURED, WOOD_GRAIN, METALLIC, LAMINATE
}
