package uk.co.lomashwood.notification.template;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

final class Layouts {

    private Layouts() {
    }

    static String read(String name) {
        try {
            return new ClassPathResource("notification/layout/" + name).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
