package uk.co.lomashwood.order.catalogue;

import uk.co.lomashwood.order.catalogue.ProductCatalogue.LineRequest;
import uk.co.lomashwood.order.catalogue.ProductCatalogue.PricedLine;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every line must be purchasable and within its min/max order quantity (spec 20 §2.4.1 step 2, §1.4.3). */
public final class Orderability {

    private Orderability() {
    }

    /** 422 PRODUCT_UNAVAILABLE with one entry per refused line ({@code line} is the 0-based basket index). */
    public static void require(List<LineRequest> requested, List<PricedLine> priced) {
        List<Map<String, Object>> refused = new ArrayList<>();
        for (int i = 0; i < priced.size(); i++) {
            PricedLine line = priced.get(i);
            int quantity = requested.get(i).quantity();
            String reason = reasonOf(line, quantity);
            if (reason != null) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("line", i);
                detail.put("productId", requested.get(i).productId());
                detail.put("variantId", requested.get(i).variantId());
                detail.put("reason", reason);
                detail.put("availableQuantity", line.availableQuantity());
                refused.add(detail);
            }
        }
        if (!refused.isEmpty()) {
            throw new ApiException(ErrorCode.PRODUCT_UNAVAILABLE, "Some items cannot be ordered online: see details.")
                    .with("details", refused);
        }
    }

    static String reasonOf(PricedLine line, int quantity) {
        if (!line.purchasable()) {
            return line.reason() == null ? "NOT_PURCHASABLE" : line.reason();
        }
        if (line.unitPrice() == null || line.unitPrice().isNegative() || line.category() == null) {
            return "PRICE_ON_REQUEST";
        }
        if (quantity < Math.max(1, line.minOrderQuantity())) {
            return "BELOW_MIN_ORDER_QUANTITY";
        }
        if (line.maxOrderQuantity() != null && quantity > line.maxOrderQuantity()) {
            return "ABOVE_MAX_ORDER_QUANTITY";
        }
        return null;
    }
}
