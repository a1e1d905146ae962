package uk.co.lomashwood.notification.channel;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import uk.co.lomashwood.notification.support.NotificationProperties;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds a Firebase app from service-account credentials (JSON in {@code FIREBASE_CREDENTIALS_JSON} or a file
 * in {@code FIREBASE_CREDENTIALS_FILE}). With {@code fcm-base-url} set, every Google API call (OAuth token
 * and FCM) goes to that host instead, which is how the tests reach their stub.
 */
final class FirebaseClients {

    private FirebaseClients() {
    }

    static FirebaseMessaging messaging(NotificationProperties.Push push) {
        NetHttpTransport transport = transport(push.fcmBaseUrl());
        try (InputStream credentials = credentials(push)) {
            GoogleCredentials google = GoogleCredentials.fromStream(credentials, () -> transport)
                    .createScoped("https://www.googleapis.com/auth/firebase.messaging");
            FirebaseOptions.Builder options = FirebaseOptions.builder()
                    .setCredentials(google)
                    .setHttpTransport(transport)
                    .setConnectTimeout(10_000)
                    .setReadTimeout(10_000);
            if (push.firebaseProjectId() != null && !push.firebaseProjectId().isBlank()) {
                options.setProjectId(push.firebaseProjectId());
            }
            // a unique name: several application contexts (tests, the launcher) may live in one JVM
            FirebaseApp app = FirebaseApp.initializeApp(options.build(), "notification-" + UUID.randomUUID());
            return FirebaseMessaging.getInstance(app);
        } catch (IOException e) {
            throw new UncheckedIOException("Firebase credentials could not be read", e);
        }
    }

    private static InputStream credentials(NotificationProperties.Push push) throws IOException {
        if (push.firebaseCredentialsJson() != null && !push.firebaseCredentialsJson().isBlank()) {
            return new ByteArrayInputStream(push.firebaseCredentialsJson().getBytes(StandardCharsets.UTF_8));
        }
        if (push.firebaseCredentialsFile() != null && !push.firebaseCredentialsFile().isBlank()) {
            return new FileInputStream(push.firebaseCredentialsFile());
        }
        throw new IllegalStateException("Set FIREBASE_CREDENTIALS_JSON or FIREBASE_CREDENTIALS_FILE for Firebase push");
    }

    private static NetHttpTransport transport(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return new NetHttpTransport();
        }
        URI base = URI.create(baseUrl);
        return new NetHttpTransport.Builder().setConnectionFactory(url -> open(base, url)).build();
    }

    private static HttpURLConnection open(URI base, URL url) throws IOException {
        String file = url.getFile();
        URL target = URI.create(base.getScheme() + "://" + base.getAuthority() + file).toURL();
        return (HttpURLConnection) target.openConnection();
    }
}
