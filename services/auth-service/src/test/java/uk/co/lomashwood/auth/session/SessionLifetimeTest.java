package uk.co.lomashwood.auth.session;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.platform.core.security.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLifetimeTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final ClientInfo CHROME_ON_MAC = new ClientInfo("203.0.113.5",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36");

    @Test
    void customerSessionsSlideSevenDaysUpToThirtyDays() {
        Session session = Session.open(UUID.randomUUID(), Role.CUSTOMER, CHROME_ON_MAC, false, at(START));
        assertThat(session.expiresAt()).isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(session.absoluteExpiresAt()).isEqualTo(START.plus(Duration.ofDays(30)));

        session.slide(at(START.plus(Duration.ofDays(6))));
        assertThat(session.expiresAt()).isEqualTo(START.plus(Duration.ofDays(13)));

        session.slide(at(START.plus(Duration.ofDays(28))));
        assertThat(session.expiresAt()).isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(session.isLive(START.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void staffSessionsLastEightHoursWithoutSliding() {
        Session session = Session.open(UUID.randomUUID(), Role.ADMIN, CHROME_ON_MAC, true, at(START));
        assertThat(session.expiresAt()).isEqualTo(START.plus(Duration.ofHours(8)));

        session.slide(at(START.plus(Duration.ofHours(7))));
        assertThat(session.expiresAt()).isEqualTo(START.plus(Duration.ofHours(8)));
        assertThat(session.isLive(START.plus(Duration.ofHours(8)))).isFalse();
    }

    @Test
    void aRevokedSessionIsNotLiveAndRevokesOnce() {
        Session session = Session.open(UUID.randomUUID(), Role.CUSTOMER, CHROME_ON_MAC, false, at(START));

        assertThat(session.revoke("USER_LOGOUT", at(START))).isTrue();
        assertThat(session.revoke("ADMIN_REVOKE", at(START))).isFalse();
        assertThat(session.isLive(START)).isFalse();
        assertThat(session.revokedReason()).isEqualTo("USER_LOGOUT");
    }

    @Test
    void readsTheDeviceFromTheUserAgent() {
        Session session = Session.open(UUID.randomUUID(), Role.CUSTOMER, CHROME_ON_MAC, false, at(START));

        assertThat(session.deviceType()).isEqualTo("desktop");
        assertThat(session.browser()).isEqualTo("Chrome");
        assertThat(session.os()).isEqualTo("macOS");
    }

    @Test
    void aRefreshTokenUsedSecondsAgoIsAParallelTabAndLaterAReplay() {
        Session session = Session.open(UUID.randomUUID(), Role.CUSTOMER, CHROME_ON_MAC, false, at(START));
        RefreshToken token = RefreshToken.issue(session, 1, "hash", session.expiresAt(), CHROME_ON_MAC, START);
        assertThat(token.isRecentlyRotated(START)).isFalse();
        assertThat(token.isReplayed(START)).isFalse();

        token.markUsed(START);

        assertThat(token.isRecentlyRotated(START.plusSeconds(30))).isTrue();
        assertThat(token.isReplayed(START.plusSeconds(30))).isFalse();
        assertThat(token.isReplayed(START.plusSeconds(31))).isTrue();
        assertThat(token.isRecentlyRotated(START.plusSeconds(31))).isFalse();
        assertThat(token.sessionId()).isEqualTo(session.id());
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
