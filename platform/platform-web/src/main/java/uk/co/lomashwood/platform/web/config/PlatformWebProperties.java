package uk.co.lomashwood.platform.web.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code lomash.*} settings shared by every service. {@code security.internal-token} comes from the
 * {@code INTERNAL_TOKEN} environment variable; the gateway sets {@code enforce-internal-token=false}
 * because it is the component that adds the token.
 */
@ConfigurationProperties(prefix = "lomash")
public record PlatformWebProperties(String version, Security security, Web web) {

    public PlatformWebProperties {
        version = version == null ? "dev" : version;
        security = security == null ? new Security(null, true, List.of()) : security;
        web = web == null ? new Web(1024 * 1024) : web;
    }

    public record Security(String internalToken, Boolean enforceInternalToken, List<String> publicPaths) {
        public Security {
            enforceInternalToken = enforceInternalToken == null || enforceInternalToken;
            publicPaths = publicPaths == null ? List.of() : publicPaths;
        }
    }

    public record Web(long maxBodyBytes) {
    }
}
