package uk.co.lomashwood.notification.consumer;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.support.NotificationProperties;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.Map;
import java.util.Set;

/**
 * content-service forms: brochure delivery and brochure-inbox alert (FR8.1/8.2, skipped for repeats),
 * business enquiry alert and confirmation (FR8.4), contact acknowledgement and alert (FR7.4).
 */
@Component
class FormEventHandler implements EventHandler {

    private final EventSends sends;

    FormEventHandler(EventSends sends) {
        this.sends = sends;
    }

    @Override
    public Set<String> topics() {
        return Set.of("content.brochure.requested", "content.business_inquiry.submitted", "content.contact.submitted");
    }

    @Override
    public void handle(EventEnvelope event) {
        JsonNode data = event.data();
        Recipient sender = Recipient.customer(Fields.uuid(data, "userId"), Fields.text(data, "email"),
                Fields.text(data, "phone"));
        NotificationProperties.Inboxes inboxes = sends.properties().inboxes();
        String submittedAt = Formats.dateTime(Formats.instant(Fields.text(data,
                event.topic().equals("content.brochure.requested") ? "requestedAt" : "submittedAt")));
        switch (event.topic()) {
            case "content.brochure.requested" -> {
                if (Fields.flag(data, "isRepeat", false)) {
                    return;
                }
                String id = Fields.text(data, "requestId");
                Map<String, Object> variables = Vars.of("customerName", Fields.text(data, "name"),
                        "customerEmail", Fields.text(data, "email"), "customerPhone", Fields.text(data, "phone"),
                        "address", Fields.text(data, "address"), "postcode", Fields.text(data, "postcode"),
                        "brochureTitle", Fields.text(data, "brochure.title"), "pdfUrl", Fields.text(data, "brochure.pdfUrl"),
                        "appointmentUrl", sends.siteUrl("/book-appointment"), "submittedAt", submittedAt,
                        "adminUrl", sends.adminUrl("/brochure-requests/" + id));
                sends.send(event, "brochure-delivery-email", Channel.EMAIL, sender, Priority.NORMAL, variables,
                        "BROCHURE_REQUEST", id);
                sends.send(event, "brochure-internal-alert-email", Channel.EMAIL, Recipient.staff(inboxes.brochure()),
                        Priority.NORMAL, variables, "BROCHURE_REQUEST", id);
            }
            case "content.business_inquiry.submitted" -> {
                String id = Fields.text(data, "inquiryId");
                Map<String, Object> variables = Vars.of("contactName", Fields.text(data, "name"),
                        "contactEmail", Fields.text(data, "email"), "contactPhone", Fields.text(data, "phone"),
                        "businessName", Fields.text(data, "companyName"),
                        "businessType", Formats.label(Fields.text(data, "businessType")),
                        "message", Fields.text(data, "message"), "submittedAt", submittedAt,
                        "adminUrl", sends.adminUrl("/business-enquiries/" + id));
                sends.send(event, "business-enquiry-internal-alert-email", Channel.EMAIL,
                        Recipient.staff(inboxes.business()), Priority.HIGH, variables, "BUSINESS_INQUIRY", id);
                sends.send(event, "business-enquiry-confirmation-email", Channel.EMAIL, sender, Priority.NORMAL,
                        variables, "BUSINESS_INQUIRY", id);
            }
            case "content.contact.submitted" -> {
                String id = Fields.text(data, "messageId");
                String message = Fields.text(data, "message");
                Map<String, Object> variables = Vars.of("customerName", Fields.text(data, "name"),
                        "customerEmail", Fields.text(data, "email"), "customerPhone", Fields.text(data, "phone"),
                        "subject", Fields.text(data, "subject"), "message", message,
                        "messagePreview", message == null ? null : message.substring(0, Math.min(200, message.length())),
                        "submittedAt", submittedAt, "adminUrl", sends.adminUrl("/contact-messages/" + id));
                sends.send(event, "contact-acknowledgement-email", Channel.EMAIL, sender, Priority.NORMAL, variables,
                        "CONTACT_MESSAGE", id);
                sends.send(event, "contact-internal-alert-email", Channel.EMAIL, Recipient.staff(inboxes.contact()),
                        Priority.NORMAL, variables, "CONTACT_MESSAGE", id);
            }
            default -> { }
        }
    }
}
