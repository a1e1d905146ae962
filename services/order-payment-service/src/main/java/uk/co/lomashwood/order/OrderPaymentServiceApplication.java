package uk.co.lomashwood.order;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Orders, Stripe payments and webhooks, refunds, VAT invoices and credit notes (spec 20 §2). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderPaymentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderPaymentServiceApplication.class, args);
    }
}
