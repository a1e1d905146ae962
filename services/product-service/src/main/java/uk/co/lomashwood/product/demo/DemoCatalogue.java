package uk.co.lomashwood.product.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.product.catalogue.FinishType;
import uk.co.lomashwood.product.catalogue.ProductCategory;
import uk.co.lomashwood.product.catalogue.ProductStatus;
import uk.co.lomashwood.product.catalogue.Scope;
import uk.co.lomashwood.product.catalogue.StyleType;
import uk.co.lomashwood.product.media.ProductImages;
import uk.co.lomashwood.product.product.ProductAdministration;
import uk.co.lomashwood.product.product.ProductInput;
import uk.co.lomashwood.product.taxonomy.Categories;
import uk.co.lomashwood.product.taxonomy.CategoryInput;
import uk.co.lomashwood.product.taxonomy.ColourInput;
import uk.co.lomashwood.product.taxonomy.Colours;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A generated demo catalogue when {@code lomash.demo.seed=true}: 10 ranges, 14 colours and 74 kitchens and
 * bedrooms with sizes, stock and locally painted images. Deterministic (fixed seed) and idempotent: it does
 * nothing once the Kitchens category exists.
 */
@Component
@ConditionalOnProperty(name = "lomash.demo.seed", havingValue = "true")
public class DemoCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private record Shade(String name, String hex) {
    }

    private record RangeSpec(String name, ProductCategory category, StyleType style, List<FinishType> finishes,
                             int models, long minPence, long maxPence, String blurb) {
    }

    private static final List<Shade> SHADES = List.of(new Shade("White", "#F5F5F2"), new Shade("Cream", "#EFE6D2"),
            new Shade("Dove Grey", "#B8B6B1"), new Shade("Graphite", "#3E4244"), new Shade("Sage Green", "#9CAF88"),
            new Shade("Navy", "#243B55"), new Shade("Black", "#1C1C1C"), new Shade("Natural Oak", "#C8A165"),
            new Shade("Walnut", "#5C4033"), new Shade("Cashmere", "#D8C8B0"), new Shade("Pebble", "#A39E93"),
            new Shade("Forest Green", "#2E4A3B"), new Shade("Burgundy", "#6D2E3A"), new Shade("Stone", "#C9C0AF"));

    private static final List<RangeSpec> RANGES = List.of(
            new RangeSpec("Hampton", ProductCategory.KITCHEN, StyleType.SHAKER, List.of(FinishType.MATT, FinishType.SATIN),
                    8, 450_000, 1_400_000, "Five-piece shaker doors with a slim frame and hand-painted finish."),
            new RangeSpec("Nordic", ProductCategory.KITCHEN, StyleType.HANDLELESS, List.of(FinishType.MATT, FinishType.GLOSS),
                    8, 520_000, 1_650_000, "True handleless J-pull rails and super-matt anti-fingerprint fronts."),
            new RangeSpec("Windsor", ProductCategory.KITCHEN, StyleType.TRADITIONAL, List.of(FinishType.WOOD_GRAIN, FinishType.SATIN),
                    7, 600_000, 1_900_000, "In-frame cabinetry with solid oak frames and cup handles."),
            new RangeSpec("Camden", ProductCategory.KITCHEN, StyleType.MODERN, List.of(FinishType.GLOSS, FinishType.LAMINATE),
                    7, 280_000, 900_000, "Crisp slab doors in high gloss or durable laminate."),
            new RangeSpec("Brooklyn", ProductCategory.KITCHEN, StyleType.INDUSTRIAL, List.of(FinishType.TEXTURED, FinishType.METALLIC),
                    6, 480_000, 1_300_000, "Concrete-effect and brushed metal fronts with black steel details."),
            new RangeSpec("Cotswold", ProductCategory.KITCHEN, StyleType.RUSTIC, List.of(FinishType.WOOD_GRAIN, FinishType.MATT),
                    6, 390_000, 1_200_000, "Tongue-and-groove panels and knotty oak for a farmhouse feel."),
            new RangeSpec("Kensington", ProductCategory.BEDROOM, StyleType.CLASSIC, List.of(FinishType.SATIN, FinishType.WOOD_GRAIN),
                    8, 120_000, 520_000, "Fitted wardrobes with raised panels and cornice detailing."),
            new RangeSpec("Oslo", ProductCategory.BEDROOM, StyleType.MINIMALIST, List.of(FinishType.MATT, FinishType.LAMINATE),
                    8, 85_000, 380_000, "Flush push-to-open wardrobes in calm, minimal colours."),
            new RangeSpec("Mayfair", ProductCategory.BEDROOM, StyleType.CONTEMPORARY, List.of(FinishType.GLOSS, FinishType.METALLIC),
                    8, 150_000, 650_000, "Sliding mirrored and glass-fronted wardrobes with soft-close runners."),
            new RangeSpec("Shoreditch", ProductCategory.BEDROOM, StyleType.SHAKER, List.of(FinishType.MATT, FinishType.TEXTURED),
                    8, 110_000, 460_000, "Shaker wardrobes and dressers with matching bedside units."));

    private static final List<String> KITCHEN_MODELS = List.of("Galley", "L-Shaped", "U-Shaped", "Island", "Peninsula",
            "Open-Plan", "Compact", "Family");
    private static final List<String> BEDROOM_MODELS = List.of("Fitted Wardrobe", "Sliding Wardrobe", "Walk-In Dressing Room",
            "Loft Wardrobe", "Alcove Wardrobe", "Bedroom Suite", "Dressing Table Set", "Corner Wardrobe");

    private final JdbcClient jdbc;
    private final Categories categories;
    private final Colours colours;
    private final ProductAdministration products;
    private final ProductImages images;
    private final Clock clock;

    public DemoCatalogue(JdbcClient jdbc, Categories categories, Colours colours, ProductAdministration products,
                         ProductImages images, Clock clock) {
        this.jdbc = jdbc;
        this.categories = categories;
        this.colours = colours;
        this.products = products;
        this.images = images;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM categories WHERE slug = 'kitchens'").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        Map<ProductCategory, UUID> categoryIds = new LinkedHashMap<>();
        categoryIds.put(ProductCategory.KITCHEN, categories.create(category("Kitchens", "kitchens", ProductCategory.KITCHEN, 0)));
        categoryIds.put(ProductCategory.BEDROOM, categories.create(category("Bedrooms", "bedrooms", ProductCategory.BEDROOM, 1)));
        Map<String, UUID> shadeIds = new LinkedHashMap<>();
        for (int i = 0; i < SHADES.size(); i++) {
            Shade shade = SHADES.get(i);
            shadeIds.put(shade.name(), colours.create(new ColourInput(shade.name(), shade.hex(), null, Scope.BOTH, true, i, null)));
        }
        Random random = new Random(20_261_125L);
        Instant now = clock.instant();
        int count = 0;
        for (RangeSpec range : RANGES) {
            UUID rangeId = UUID.randomUUID();
            jdbc.sql("INSERT INTO ranges (id, name, slug, category, description, sort_order) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(rangeId, range.name(), range.name().toLowerCase() + "-" + range.category().name().toLowerCase(),
                            range.category().name(), range.blurb(), count).update();
            for (int m = 0; m < range.models(); m++) {
                createProduct(range, rangeId, m, categoryIds.get(range.category()), shadeIds, random, now);
                count++;
            }
        }
        log.info("demo catalogue: {} products seeded in {} ms", count, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void createProduct(RangeSpec range, UUID rangeId, int model, UUID categoryId, Map<String, UUID> shadeIds,
                               Random random, Instant now) {
        boolean kitchen = range.category() == ProductCategory.KITCHEN;
        String modelName = (kitchen ? KITCHEN_MODELS : BEDROOM_MODELS).get(model % 8);
        List<Shade> shades = new ArrayList<>();
        int colourCount = 1 + random.nextInt(3);
        while (shades.size() < colourCount) {
            Shade shade = SHADES.get(random.nextInt(SHADES.size()));
            if (!shades.contains(shade)) {
                shades.add(shade);
            }
        }
        String title = range.name() + " " + modelName + (kitchen ? " Kitchen" : "") + " in " + shades.getFirst().name();
        FinishType finish = range.finishes().get(random.nextInt(range.finishes().size()));
        long pence = (range.minPence() + (long) (random.nextDouble() * (range.maxPence() - range.minPence()))) / 500 * 500;
        boolean handleless = range.style() == StyleType.HANDLELESS;
        List<ProductInput.ImageInput> pictures = new ArrayList<>();
        for (int i = 0; i < Math.min(2, shades.size() + 1); i++) {
            Shade shade = shades.get(Math.min(i, shades.size() - 1));
            byte[] png = SwatchPainter.paint(shade.hex(), 3 + (model + i) % 4, kitchen, handleless, i);
            pictures.add(new ProductInput.ImageInput(images.store(png, "png", "image/png"),
                    title + (i == 0 ? "" : " – detail"), i));
        }
        List<ProductInput.SizeInput> sizes = kitchen
                ? List.of(size("Compact (2.4 m run)", "2400", "2200", "600", 0), size("Standard (3.6 m run)", "3600", "2200", "600", 1),
                size("Large (4.8 m run)", "4800", "2200", "600", 2))
                : List.of(size("Two-door (1.0 m)", "1000", "2250", "600", 0), size("Three-door (1.5 m)", "1500", "2250", "600", 1),
                size("Four-door (2.0 m)", "2000", "2250", "600", 2));
        // one in eight stays in draft so admin views have something to publish
        ProductStatus status = model == 7 ? ProductStatus.DRAFT : ProductStatus.PUBLISHED;
        ProductInput input = new ProductInput(title, range.blurb() + " The " + modelName.toLowerCase()
                + " layout is designed, supplied and fitted by Lomash Wood, finished in "
                + String.join(", ", shades.stream().map(Shade::name).toList()) + ".",
                range.category(), BigDecimal.valueOf(pence, 2), categoryId, rangeId, status, range.style(), finish, null,
                title.length() > 70 ? title.substring(0, 70) : title, null, model % 5 == 0, model,
                kitchen ? 28 + random.nextInt(21) : 14 + random.nextInt(15), pictures,
                shades.stream().map(s -> shadeIds.get(s.name())).toList(), sizes, List.of());
        UUID id = products.create(input, null);
        Instant createdAt = now.minus(Duration.ofMinutes(random.nextInt(180 * 24 * 60)));
        jdbc.sql("UPDATE products SET created_at = ?, updated_at = ?, view_count = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(createdAt), java.sql.Timestamp.from(createdAt), random.nextInt(5000), id)
                .update();
        jdbc.sql("""
                        UPDATE inventory SET quantity = q.qty, low_stock_threshold = 5,
                               status = CASE WHEN q.qty = 0 THEN 'OUT_OF_STOCK' WHEN q.qty <= 5 THEN 'LOW_STOCK' ELSE 'IN_STOCK' END
                          FROM (SELECT id, (abs(hashtext(id::text)) % 4) * ? AS qty FROM inventory WHERE product_id = ?) q
                         WHERE inventory.id = q.id""")
                .params(1 + random.nextInt(12), id).update();
    }

    private static ProductInput.SizeInput size(String title, String width, String height, String depth, int order) {
        return new ProductInput.SizeInput(title, null, null, new BigDecimal(width), new BigDecimal(height),
                new BigDecimal(depth), "mm", null, null, order);
    }

    private static CategoryInput category(String name, String slug, ProductCategory type, int order) {
        return new CategoryInput(name, slug, name + " designed, supplied and fitted across the UK.", type, null, null,
                null, order, true, true, null, null, null);
    }
}
