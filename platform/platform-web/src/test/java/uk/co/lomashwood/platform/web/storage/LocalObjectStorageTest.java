package uk.co.lomashwood.platform.web.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LocalObjectStorageTest {

    @TempDir
    Path root;

    @Test
    void privateObjectsAreReadBackButHaveNoPresignedDownloadUrl() {
        LocalObjectStorage storage = new LocalObjectStorage(root, "http://localhost:3000/media");
        storage.put("invoices/2026/INV-2026-0001.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf");

        assertThat(storage.get("invoices/2026/INV-2026-0001.pdf")).hasValueSatisfying(stored -> {
            assertThat(stored.contentType()).isEqualTo("application/pdf");
            assertThat(new String(stored.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7");
        });
        assertThat(storage.presignedGetUrl("invoices/2026/INV-2026-0001.pdf", Duration.ofSeconds(300))).isEmpty();
    }
}
