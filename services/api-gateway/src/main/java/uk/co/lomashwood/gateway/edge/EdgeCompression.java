package uk.co.lomashwood.gateway.edge;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Response compression at the edge (the {@code server.compression} settings): gzip or deflate when the client accepts
 * it, for the listed text types, when the body is at least the minimum size or of unknown length. Upstreams are asked
 * for identity bodies (the gateway never forwards {@code Accept-Encoding}), so each body is compressed once, here.
 */
@Component
public class EdgeCompression {

    private final boolean enabled;
    private final long minSize;
    private final List<String> mimeTypes;

    public EdgeCompression(@Value("${server.compression.enabled:true}") boolean enabled,
            @Value("${server.compression.min-response-size:1KB}") DataSize minSize,
            @Value("${server.compression.mime-types:application/json,application/problem+json,text/plain}")
            List<String> mimeTypes) {
        this.enabled = enabled;
        this.minSize = minSize.toBytes();
        this.mimeTypes = mimeTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
    }

    ChannelHandler newHandler() {
        return new HttpContentCompressor(0, StandardCompressionOptions.gzip(), StandardCompressionOptions.deflate()) {
            @Override
            protected Result beginEncode(HttpResponse response, String acceptEncoding) throws Exception {
                return compressible(response) ? super.beginEncode(response, acceptEncoding) : null;
            }
        };
    }

    boolean compressible(HttpResponse response) {
        if (!enabled || response.headers().contains(HttpHeaderNames.CONTENT_ENCODING)) {
            return false;
        }
        String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String mime = type.toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (!mimeTypes.contains(mime)) {
            return false;
        }
        long length = HttpUtil.getContentLength(response, -1L);
        return length < 0 ? HttpUtil.isTransferEncodingChunked(response) || !response.headers()
                .contains(HttpHeaderNames.CONTENT_LENGTH) : length >= minSize;
    }

}
