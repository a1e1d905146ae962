package uk.co.lomashwood.product.web;

import uk.co.lomashwood.platform.test.http.HttpCalls;
import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.product.support.ProductIntegrationTest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin image upload through the storage interface; the content decides the type, not the file name. */
class ImageUploadTest extends ProductIntegrationTest {

    @Test
    void aPngIsStoredOnAContentAddressedKeyAndServedBack() throws Exception {
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, png, 0, 8);
        png[20] = (byte) UUID.randomUUID().hashCode();

        HttpResponse<String> created = upload(png, "photo.exe");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String url = HttpCalls.JSON.readTree(created.body()).get("data").get("url").asString();
        assertThat(url).matches("http://localhost:3000/v1/products/images/[0-9a-f]{32}\\.png");
        var served = api().get(URI.create(url).getPath());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.header("Cache-Control")).contains("immutable");
    }

    @Test
    void somethingThatIsNotAnImageIsRefused() throws Exception {
        HttpResponse<String> refused = upload("#!/bin/sh\necho pwned\n".getBytes(StandardCharsets.UTF_8), "x.png");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("INVALID_FILE_TYPE");
        assertThat(api().get("/v1/products/images/..%2Fsecret").status()).isBetween(400, 404);
    }

    private HttpResponse<String> upload(byte[] content, String fileName) throws Exception {
        String boundary = "----lomash" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/products/images"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN)
                .header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Role", "ADMIN")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
