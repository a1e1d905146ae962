package uk.co.lomashwood.notification.consumer;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.UUID;

/** Null-safe reads of event payload fields ({@code "customerDetails.email"} paths). */
final class Fields {

    private Fields() {
    }

    static JsonNode at(JsonNode data, String path) {
        JsonNode node = data;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    static String text(JsonNode data, String path) {
        JsonNode node = at(data, path);
        return node == null ? null : node.asString();
    }

    static UUID uuid(JsonNode data, String path) {
        String value = text(data, path);
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean flag(JsonNode data, String path, boolean fallback) {
        JsonNode node = at(data, path);
        return node == null ? fallback : node.asBoolean();
    }

    static BigDecimal decimal(JsonNode data, String path) {
        JsonNode node = at(data, path);
        if (node == null) {
            return null;
        }
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
    }
}
