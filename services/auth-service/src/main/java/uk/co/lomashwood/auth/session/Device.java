package uk.co.lomashwood.auth.session;

import java.util.Locale;

/** Device type, browser and OS guessed from a user agent, for the session list and new-device alerts. */
record Device(String type, String browser, String os) {

    static Device parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Device("other", null, null);
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return new Device(type(ua), browser(ua), os(ua));
    }

    private static String type(String ua) {
        if (ua.contains("ipad") || ua.contains("tablet")) return "tablet";
        if (ua.contains("mobi") || ua.contains("iphone") || ua.contains("android")) return "mobile";
        if (ua.contains("windows") || ua.contains("macintosh") || ua.contains("x11") || ua.contains("linux")) {
            return "desktop";
        }
        return "other";
    }

    private static String browser(String ua) {
        if (ua.contains("edg/")) return "Edge";
        if (ua.contains("opr/") || ua.contains("opera")) return "Opera";
        if (ua.contains("firefox/")) return "Firefox";
        if (ua.contains("chrome/") || ua.contains("crios/")) return "Chrome";
        if (ua.contains("safari/")) return "Safari";
        if (ua.contains("curl/")) return "curl";
        return null;
    }

    private static String os(String ua) {
        if (ua.contains("windows")) return "Windows";
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ios")) return "iOS";
        if (ua.contains("mac os") || ua.contains("macintosh")) return "macOS";
        if (ua.contains("android")) return "Android";
        if (ua.contains("linux")) return "Linux";
        return null;
    }
}
