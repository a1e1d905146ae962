package uk.co.lomashwood.order.stripe;

import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import uk.co.lomashwood.order.stripe.PaymentGateway.Intent;
import uk.co.lomashwood.order.stripe.PaymentGateway.LastError;

import java.util.Map;
import java.util.Optional;

/** Stripe SDK objects → the {@link PaymentGateway} records. */
final class StripeSdkMapping {

    private StripeSdkMapping() {
    }

    static Intent intent(PaymentIntent intent) {
        return new Intent(intent.getId(), intent.getClientSecret(), intent.getStatus(), orZero(intent.getAmount()),
                intent.getCurrency(), metadata(intent.getMetadata()),
                Optional.ofNullable(intent.getLatestChargeObject()).map(StripeSdkMapping::charge),
                Optional.ofNullable(intent.getLastPaymentError()).map(StripeSdkMapping::lastError),
                intent.getCancellationReason());
    }

    static PaymentGateway.Refund refund(Refund refund) {
        return new PaymentGateway.Refund(refund.getId(), refund.getPaymentIntent(), refund.getCharge(),
                orZero(refund.getAmount()), refund.getCurrency(), refund.getStatus(), refund.getFailureReason(),
                metadata(refund.getMetadata()));
    }

    static PaymentGateway.Charge charge(Charge charge) {
        Charge.PaymentMethodDetails details = charge.getPaymentMethodDetails();
        Charge.PaymentMethodDetails.Card card = details == null ? null : details.getCard();
        String method = method(details == null ? null : details.getType(), card != null && card.getWallet() != null);
        return new PaymentGateway.Charge(charge.getId(), method,
                card == null ? null : card.getBrand(), card == null ? null : card.getLast4(),
                card == null ? null : toInteger(card.getExpMonth()), card == null ? null : toInteger(card.getExpYear()),
                charge.getReceiptUrl(), orZero(charge.getAmountCaptured()), orZero(charge.getAmountRefunded()),
                charge.getPaymentMethod());
    }

    /** Our PaymentMethod from Stripe's payment_method_details.type (a card inside a wallet is a WALLET). */
    static String method(String type, boolean wallet) {
        if (type == null) {
            return "OTHER";
        }
        return switch (type) {
            case "card" -> wallet ? "WALLET" : "CARD";
            case "card_present", "interac_present" -> "CARD";
            case "apple_pay", "google_pay", "link", "paypal", "revolut_pay", "amazon_pay" -> "WALLET";
            case "klarna", "afterpay_clearpay", "affirm", "zip" -> "BUY_NOW_PAY_LATER";
            case "bacs_debit", "customer_balance", "pay_by_bank", "sepa_debit" -> "BANK_TRANSFER";
            default -> "OTHER";
        };
    }

    private static LastError lastError(StripeError error) {
        return new LastError(error.getCode(), error.getDeclineCode(), error.getMessage());
    }

    private static Map<String, String> metadata(Map<String, String> metadata) {
        return metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static Integer toInteger(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }
}
