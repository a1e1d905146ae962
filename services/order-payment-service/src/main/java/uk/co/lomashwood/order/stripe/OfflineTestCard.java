package uk.co.lomashwood.order.stripe;

import java.util.Arrays;
import java.util.Optional;

/** Stripe's test payment methods the offline provider understands, with the outcome Stripe gives each. */
enum OfflineTestCard {

    VISA("pm_card_visa", "visa", "4242", Outcome.SUCCEEDS, null, null),
    MASTERCARD("pm_card_mastercard", "mastercard", "4444", Outcome.SUCCEEDS, null, null),
    CHARGE_DECLINED("pm_card_chargeDeclined", "visa", "0002", Outcome.DECLINED, "generic_decline", "Your card was declined."),
    INSUFFICIENT_FUNDS("pm_card_chargeDeclinedInsufficientFunds", "visa", "9995", Outcome.DECLINED, "insufficient_funds",
            "Your card has insufficient funds."),
    AUTHENTICATION_REQUIRED("pm_card_authenticationRequired", "visa", "3184", Outcome.REQUIRES_ACTION, null, null);

    /** Bean Validation pattern accepting exactly these payment methods. */
    static final String PATTERN = "pm_card_(visa|mastercard|chargeDeclined|chargeDeclinedInsufficientFunds|authenticationRequired)";

    private final String paymentMethod;
    private final String brand;
    private final String last4;
    private final Outcome outcome;
    private final String declineCode;
    private final String message;

    OfflineTestCard(String paymentMethod, String brand, String last4, Outcome outcome, String declineCode, String message) {
        this.paymentMethod = paymentMethod;
        this.brand = brand;
        this.last4 = last4;
        this.outcome = outcome;
        this.declineCode = declineCode;
        this.message = message;
    }

    static Optional<OfflineTestCard> of(String paymentMethod) {
        return Arrays.stream(values()).filter(c -> c.paymentMethod.equals(paymentMethod)).findFirst();
    }

    String brand() {
        return brand;
    }

    String last4() {
        return last4;
    }

    Outcome outcome() {
        return outcome;
    }

    String declineCode() {
        return declineCode;
    }

    String message() {
        return message;
    }

    enum Outcome { SUCCEEDS, DECLINED, REQUIRES_ACTION }
}
