package uk.co.lomashwood.auth.token;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Token settings ({@code lomash.auth.jwt.*}).
 *
 * @param issuer       {@code iss} of every token (env {@code JWT_ISSUER}, default {@code lomashwood-auth})
 * @param audience     {@code aud} of access tokens (env {@code JWT_AUDIENCE}, default {@code lomashwood-api})
 * @param signingKeys  a JWK Set JSON with RSA private keys (env {@code JWT_SIGNING_KEYS}, from Secrets
 *                     Manager in AWS); the newest key ({@code iat}, else the first) signs, all are published.
 *                     When blank, keys are kept in {@code keyStorePath}.
 * @param keyStorePath local key file, generated on first start with permissions 600
 * @param keySize      RSA modulus bits for generated keys: 4096 (tests may use 2048 to start faster)
 */
@ConfigurationProperties("lomash.auth.jwt")
public record JwtProperties(String issuer, String audience, String signingKeys, Path keyStorePath, Integer keySize) {

    public JwtProperties {
        issuer = issuer == null || issuer.isBlank() ? "lomashwood-auth" : issuer;
        audience = audience == null || audience.isBlank() ? "lomashwood-api" : audience;
        keyStorePath = keyStorePath == null ? Path.of(".data", "auth", "jwt-signing-keys.json") : keyStorePath;
        keySize = keySize == null ? 4096 : keySize;
    }

    public boolean keysFromConfiguration() {
        return signingKeys != null && !signingKeys.isBlank();
    }
}
