package uk.co.lomashwood.auth.password;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The shipped list of common passwords ({@code auth/common-passwords.txt}, lower-case, one a line).
 * A candidate is common when it, or its letters once leading and trailing digits and symbols are
 * stripped ({@code Password123!} → {@code password}), is on the list.
 */
@Component
public class CommonPasswords {

    private static final String RESOURCE = "auth/common-passwords.txt";

    private final Set<String> words;

    public CommonPasswords() {
        this.words = load();
    }

    public boolean isCommon(String candidate) {
        String lower = candidate.strip().toLowerCase(Locale.ROOT);
        return words.contains(lower) || words.contains(stripDecoration(lower));
    }

    private static String stripDecoration(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && !Character.isLetter(value.charAt(start))) start++;
        while (end > start && !Character.isLetter(value.charAt(end - 1))) end--;
        return value.substring(start, end);
    }

    private static Set<String> load() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE, CommonPasswords.class.getClassLoader()).getInputStream(),
                StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + RESOURCE, e);
        }
    }
}
