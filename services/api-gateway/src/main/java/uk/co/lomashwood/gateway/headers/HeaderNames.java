package uk.co.lomashwood.gateway.headers;

import java.util.Collection;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

/**
 * A fixed set of header names, looked up case-insensitively without allocating: the names are the keys of a Netty
 * header map, whose hashing ignores ASCII case and takes the decoder's names as they are.
 */
final class HeaderNames {

    private final HttpHeaders names = DefaultHttpHeadersFactory.headersFactory().newHeaders();

    private HeaderNames(Collection<String> names) {
        names.forEach(name -> this.names.add(name, ""));
    }

    static HeaderNames of(Collection<String> names) {
        return new HeaderNames(names);
    }

    boolean contains(CharSequence name) {
        return names.contains(name);
    }

    /** Whether {@code name} starts with {@code prefix}, ignoring ASCII case. */
    static boolean startsWith(CharSequence name, String prefix) {
        return name.length() >= prefix.length()
                && AsciiString.regionMatchesAscii(name, true, 0, prefix, 0, prefix.length());
    }

    static AsciiString[] ascii(String... values) {
        AsciiString[] out = new AsciiString[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = AsciiString.cached(values[i]);
        }
        return out;
    }
}
