package uk.co.lomashwood.product.catalogue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** Slugs derived from titles: lower-case, non-alphanumerics to '-', runs collapsed, -2, -3… on clash. */
public final class Slugs {

    private Slugs() {
    }

    public static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        slug = slug.isEmpty() ? "item" : slug;
        return slug.length() > 240 ? slug.substring(0, 240) : slug;
    }

    public static String unique(String base, Predicate<String> taken) {
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
