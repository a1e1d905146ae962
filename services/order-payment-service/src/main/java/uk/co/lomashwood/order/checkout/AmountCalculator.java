package uk.co.lomashwood.order.checkout;

import uk.co.lomashwood.order.coupon.CouponTerms;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The server-side amount calculation of spec 20 §2.4.1, in integer pence with half-up rounding and no I/O:
 * line totals, coupon spread over eligible lines in proportion to their totals (rounding pennies to the largest
 * line), loyalty spread over all lines after the coupon and capped so the total stays at least £0.30, delivery
 * (free threshold, FREE_SHIPPING coupon), VAT per line plus delivery VAT, and the £0.30 – £999,999.99 range.
 */
public final class AmountCalculator {

    public static final long MIN_TOTAL = 30;
    public static final long MAX_TOTAL = 99_999_999;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AmountCalculator() {
    }

    /** One priced line: unit price net, VAT rate in percent (20.00). */
    public record Line(UUID productId, String category, long unitPrice, int quantity, BigDecimal taxRate) {
    }

    /**
     * @param coupon          the coupon's terms, or null
     * @param delivery        the chosen delivery method, or null (summary without a method: no delivery cost)
     * @param deliveryTaxRate VAT rate on delivery (20.00)
     * @param loyaltyValue    pence of loyalty discount requested (100 points = 100 pence), 0 for none
     */
    public record Input(List<Line> lines, CouponTerms coupon, DeliveryMethod delivery, BigDecimal deliveryTaxRate,
                        long loyaltyValue) {
    }

    public record LineAmounts(long unitPrice, int quantity, long totalPrice, long couponDiscount, long loyaltyDiscount,
                              long discountAmount, BigDecimal taxRate, long taxAmount) {
    }

    public record Breakdown(List<LineAmounts> lines, long subtotal, long couponDiscount, long loyaltyDiscount,
                            long discountAmount, long shippingAmount, long shippingTax, long taxAmount,
                            long totalAmount) {
    }

    /** Computes the breakdown; 422 ORDER_AMOUNT_OUT_OF_RANGE when the total is outside £0.30 – £999,999.99. */
    public static Breakdown calculate(Input input) {
        Breakdown breakdown = compute(input, input.loyaltyValue());
        if (input.loyaltyValue() > 0 && breakdown.totalAmount() < MIN_TOTAL) {
            breakdown = compute(input, largestLoyaltyKeepingMinimum(input));
        }
        if (breakdown.totalAmount() < MIN_TOTAL || breakdown.totalAmount() > MAX_TOTAL) {
            throw new ApiException(ErrorCode.ORDER_AMOUNT_OUT_OF_RANGE,
                    "The order total must be between £0.30 and £999,999.99.")
                    .with("totalAmount", BigDecimal.valueOf(breakdown.totalAmount(), 2));
        }
        return breakdown;
    }

    private static long largestLoyaltyKeepingMinimum(Input input) {
        long low = 0;
        long high = input.loyaltyValue();
        while (low < high) {
            long mid = (low + high + 1) / 2;
            if (compute(input, mid).totalAmount() >= MIN_TOTAL) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    static Breakdown compute(Input input, long loyaltyRequested) {
        List<Line> lines = input.lines();
        long[] totals = new long[lines.size()];
        long subtotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            totals[i] = Math.multiplyExact(lines.get(i).unitPrice(), lines.get(i).quantity());
            subtotal = Math.addExact(subtotal, totals[i]);
        }
        long[] couponShares = new long[lines.size()];
        long couponDiscount = 0;
        CouponTerms coupon = input.coupon();
        if (coupon != null && !coupon.freeShipping()) {
            long[] weights = new long[lines.size()];
            long eligible = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (coupon.eligible(lines.get(i).productId(), lines.get(i).category())) {
                    weights[i] = totals[i];
                    eligible += totals[i];
                }
            }
            couponDiscount = coupon.discountOn(eligible);
            couponShares = spread(couponDiscount, weights);
        }
        long[] remaining = new long[lines.size()];
        long remainingTotal = 0;
        for (int i = 0; i < lines.size(); i++) {
            remaining[i] = totals[i] - couponShares[i];
            remainingTotal += remaining[i];
        }
        long loyaltyDiscount = Math.max(0, Math.min(loyaltyRequested, remainingTotal));
        long[] loyaltyShares = spread(loyaltyDiscount, remaining);
        long discount = couponDiscount + loyaltyDiscount;

        long shipping = 0;
        if (input.delivery() != null) {
            shipping = input.delivery().effectiveCost(subtotal - discount, coupon != null && coupon.freeShipping());
        }
        List<LineAmounts> amounts = new ArrayList<>();
        long tax = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            long lineDiscount = couponShares[i] + loyaltyShares[i];
            long lineTax = percentOf(totals[i] - lineDiscount, line.taxRate());
            tax += lineTax;
            amounts.add(new LineAmounts(line.unitPrice(), line.quantity(), totals[i], couponShares[i], loyaltyShares[i],
                    lineDiscount, line.taxRate(), lineTax));
        }
        long shippingTax = percentOf(shipping, input.deliveryTaxRate());
        tax += shippingTax;
        long total = subtotal - discount + shipping + tax;
        return new Breakdown(List.copyOf(amounts), subtotal, couponDiscount, loyaltyDiscount, discount, shipping,
                shippingTax, tax, total);
    }

    /**
     * Splits {@code amount} over the lines in proportion to {@code weights} (floor), the rounding pennies going to the
     * line with the largest weight (the first of equals).
     */
    static long[] spread(long amount, long[] weights) {
        long[] shares = new long[weights.length];
        long totalWeight = 0;
        int largest = -1;
        for (int i = 0; i < weights.length; i++) {
            totalWeight += weights[i];
            if (weights[i] > 0 && (largest < 0 || weights[i] > weights[largest])) {
                largest = i;
            }
        }
        if (amount <= 0 || totalWeight <= 0) {
            return shares;
        }
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            shares[i] = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(weights[i]))
                    .divide(BigDecimal.valueOf(totalWeight), 0, RoundingMode.FLOOR).longValueExact();
            given += shares[i];
        }
        shares[largest] += amount - given;
        return shares;
    }

    static long percentOf(long pence, BigDecimal rate) {
        return BigDecimal.valueOf(pence).multiply(rate).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The basket's categories, for delivery eligibility. */
    public static java.util.Set<String> categories(List<Line> lines) {
        return lines.stream().map(Line::category).collect(Collectors.toSet());
    }
}
