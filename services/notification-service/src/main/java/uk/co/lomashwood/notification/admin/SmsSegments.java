package uk.co.lomashwood.notification.admin;

/** SMS segment count: 160 GSM-7 characters per segment (153 when split), 70 UCS-2 (67 when split). */
final class SmsSegments {

    private static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€";

    private SmsSegments() {
    }

    static int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        boolean gsm = text.chars().allMatch(c -> GSM.indexOf(c) >= 0);
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        return text.length() <= single ? 1 : (text.length() + multi - 1) / multi;
    }
}
