package uk.co.lomashwood.auth.mfa;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.AuthProperties;
import uk.co.lomashwood.auth.support.SecureTokens;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Encrypts TOTP seeds at rest with AES-256-GCM ({@code v1:} + base64(iv ‖ ciphertext)). The key comes from
 * {@code MFA_ENCRYPTION_KEY} (base64, 32 bytes; a KMS data key in AWS) or, locally, from a key file
 * generated on first start next to the JWT keys.
 */
@Component
public class TotpSecretCipher {

    private static final Logger log = LoggerFactory.getLogger(TotpSecretCipher.class);
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;

    public TotpSecretCipher(AuthProperties properties) {
        byte[] raw = properties.mfa().encryptionKey() != null && !properties.mfa().encryptionKey().isBlank()
                ? Base64.getDecoder().decode(properties.mfa().encryptionKey().strip())
                : localKey(properties.mfa().keyStorePath().toAbsolutePath());
        if (raw.length != 32) {
            throw new IllegalStateException("The MFA encryption key must be 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String encrypt(String base32Secret) {
        try {
            byte[] iv = SecureTokens.randomBytes(IV_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(base32Secret.getBytes(StandardCharsets.US_ASCII));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a TOTP secret", e);
        }
    }

    public String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown TOTP secret format");
        }
        try {
            byte[] blob = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 0, IV_BYTES));
            return new String(cipher.doFinal(blob, IV_BYTES, blob.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a TOTP secret (wrong MFA encryption key?)", e);
        }
    }

    private static byte[] localKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path temp = posix ? Files.createTempFile(file.getParent(), ".mfa-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(file.getParent(), ".mfa-key", ".tmp");
            byte[] raw = SecureTokens.randomBytes(32);
            Files.writeString(temp, Base64.getEncoder().encodeToString(raw));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated the local MFA encryption key at {}", file);
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the MFA encryption key at " + file, e);
        }
    }
}
