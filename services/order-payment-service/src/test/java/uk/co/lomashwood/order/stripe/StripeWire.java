package uk.co.lomashwood.order.stripe;

/** Bodies shaped exactly like Stripe's API answers (trimmed to the fields a client reads, values from Stripe's docs). */
final class StripeWire {

    static final String CREATED_INTENT = """
            {
              "id": "pi_3QxYzA2eZvKYlo2C0abcDEF1",
              "object": "payment_intent",
              "amount": 129999,
              "amount_capturable": 0,
              "amount_received": 0,
              "automatic_payment_methods": {"allow_redirects": "never", "enabled": true},
              "cancellation_reason": null,
              "capture_method": "automatic",
              "client_secret": "pi_3QxYzA2eZvKYlo2C0abcDEF1_secret_kL9mN0pQ1rS2tU3vW4xY5z",
              "confirmation_method": "automatic",
              "created": 1764072000,
              "currency": "gbp",
              "customer": "cus_QxYzCustomer01",
              "description": "Lomash Wood order LW-20260042",
              "last_payment_error": null,
              "latest_charge": null,
              "livemode": false,
              "metadata": {"orderId": "6f1c2d3e-0000-4000-8000-000000000042", "orderNumber": "LW-20260042", "attemptNo": "1"},
              "next_action": null,
              "payment_method": null,
              "payment_method_types": ["card", "link"],
              "receipt_email": "jane@example.co.uk",
              "setup_future_usage": "off_session",
              "statement_descriptor_suffix": "ORDER",
              "status": "requires_payment_method"
            }""";

    static final String SUCCEEDED_INTENT_WITH_CHARGE = """
            {
              "id": "pi_3QxYzA2eZvKYlo2C0abcDEF1",
              "object": "payment_intent",
              "amount": 129999,
              "amount_received": 129999,
              "capture_method": "automatic",
              "client_secret": "pi_3QxYzA2eZvKYlo2C0abcDEF1_secret_kL9mN0pQ1rS2tU3vW4xY5z",
              "created": 1764072000,
              "currency": "gbp",
              "last_payment_error": null,
              "latest_charge": {
                "id": "ch_3QxYzA2eZvKYlo2C0chg0001",
                "object": "charge",
                "amount": 129999,
                "amount_captured": 129999,
                "amount_refunded": 2500,
                "captured": true,
                "currency": "gbp",
                "paid": true,
                "payment_intent": "pi_3QxYzA2eZvKYlo2C0abcDEF1",
                "payment_method": "pm_1QxYzA2eZvKYlo2CcardPM01",
                "payment_method_details": {
                  "card": {
                    "brand": "visa", "country": "GB", "exp_month": 8, "exp_year": 2029, "funding": "credit",
                    "last4": "4242", "network": "visa", "wallet": %s
                  },
                  "type": "card"
                },
                "receipt_url": "https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8xTTJKVGtMa2RJd0h1N2l4KOvG",
                "refunded": false,
                "status": "succeeded"
              },
              "livemode": false,
              "metadata": {"orderId": "6f1c2d3e-0000-4000-8000-000000000042"},
              "payment_method": "pm_1QxYzA2eZvKYlo2CcardPM01",
              "status": "succeeded"
            }""";

    static final String DECLINED_INTENT = """
            {
              "id": "pi_3QxYzA2eZvKYlo2C0declin1",
              "object": "payment_intent",
              "amount": 4999,
              "client_secret": "pi_3QxYzA2eZvKYlo2C0declin1_secret_abc",
              "currency": "gbp",
              "last_payment_error": {
                "code": "card_declined",
                "decline_code": "insufficient_funds",
                "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                "message": "Your card has insufficient funds.",
                "type": "card_error"
              },
              "latest_charge": null,
              "livemode": false,
              "metadata": {},
              "status": "requires_payment_method"
            }""";

    static final String CANCELED_INTENT = """
            {
              "id": "pi_3QxYzA2eZvKYlo2C0abcDEF1",
              "object": "payment_intent",
              "amount": 129999,
              "cancellation_reason": null,
              "canceled_at": 1764073000,
              "client_secret": "pi_3QxYzA2eZvKYlo2C0abcDEF1_secret_kL9mN0pQ1rS2tU3vW4xY5z",
              "currency": "gbp",
              "latest_charge": null,
              "livemode": false,
              "metadata": {},
              "status": "canceled"
            }""";

    static final String PENDING_REFUND = """
            {
              "id": "re_3QxYzA2eZvKYlo2C0rfnd001",
              "object": "refund",
              "amount": 2500,
              "charge": "ch_3QxYzA2eZvKYlo2C0chg0001",
              "created": 1764074000,
              "currency": "gbp",
              "metadata": {"refundId": "0b7a0000-0000-4000-8000-0000000000aa", "orderId": "6f1c2d3e-0000-4000-8000-000000000042"},
              "payment_intent": "pi_3QxYzA2eZvKYlo2C0abcDEF1",
              "reason": "requested_by_customer",
              "status": "pending"
            }""";

    static final String INVALID_REQUEST = """
            {
              "error": {
                "code": "parameter_invalid_integer",
                "doc_url": "https://stripe.com/docs/error-codes/parameter-invalid-integer",
                "message": "This value must be greater than or equal to 1.",
                "param": "amount",
                "request_log_url": "https://dashboard.stripe.com/test/logs/req_abc123",
                "type": "invalid_request_error"
              }
            }""";

    static final String REFUND_CARD_ERROR = """
            {
              "error": {
                "code": "charge_expired_for_capture",
                "message": "The card issuer refused the refund.",
                "type": "card_error"
              }
            }""";

    static final String API_ERROR = """
            {
              "error": {
                "message": "An unknown error occurred",
                "type": "api_error"
              }
            }""";

    static final String AUTH_ERROR = """
            {
              "error": {
                "message": "Invalid API Key provided: sk_test_********************wxyz",
                "type": "invalid_request_error"
              }
            }""";

    private StripeWire() {
    }
}
