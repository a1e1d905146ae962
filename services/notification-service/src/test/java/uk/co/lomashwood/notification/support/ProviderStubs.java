package uk.co.lomashwood.notification.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * One WireMock server for the test JVM standing in for Twilio ({@code /2010-04-01/...}) and Google (OAuth
 * {@code /token}, FCM {@code /v1/projects/...}), plus a service-account key the Firebase SDK signs with.
 */
public final class ProviderStubs {

    public static final String TWILIO_SID = "AC00000000000000000000000000000001";
    public static final String TWILIO_TOKEN = "twilio-test-auth-token";
    public static final String FIREBASE_PROJECT = "lomash-test";
    public static final String SES_TOPIC_ARN = "arn:aws:sns:eu-west-2:123456789012:lomash-test-ses-events";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";
    public static final String FCM_PATH = "/v1/projects/" + FIREBASE_PROJECT + "/messages:send";

    private static final WireMockServer SERVER = start();
    private static final String CREDENTIALS = serviceAccount();

    private ProviderStubs() {
    }

    public static WireMockServer server() {
        return SERVER;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + SERVER.port();
    }

    public static String firebaseCredentials() {
        return CREDENTIALS;
    }

    /** The OAuth token endpoint every test needs; call after {@code resetAll()}. */
    public static void stubGoogleToken() {
        SERVER.stubFor(post(urlEqualTo("/token")).willReturn(okJson("""
                {"access_token":"ya29.test-access-token","expires_in":3600,"token_type":"Bearer"}""")));
    }

    public static String twilioMessage(String sid, String to) {
        return """
                {"sid":"%s","account_sid":"%s","to":"%s","from":"+447700900000","body":"x","status":"queued",
                 "num_segments":"1","direction":"outbound-api","api_version":"2010-04-01","price":null,
                 "error_code":null,"error_message":null,"uri":"/2010-04-01/Accounts/%s/Messages/%s.json"}"""
                .formatted(sid, TWILIO_SID, to, TWILIO_SID, sid);
    }

    public static String twilioError(int code, int status, String message) {
        return """
                {"code":%d,"message":"%s","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}"""
                .formatted(code, message, code, status);
    }

    public static String fcmError(int status, String grpcStatus, String errorCode) {
        return """
                {"error":{"code":%d,"message":"stub error","status":"%s","details":[
                  {"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"%s"}]}}"""
                .formatted(status, grpcStatus, errorCode);
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        return server;
    }

    private static String serviceAccount() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String pem = ("-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n").replace("\n", "\\n");
            return """
                    {"type":"service_account","project_id":"%s","private_key_id":"test-key-1","private_key":"%s",
                     "client_email":"fcm@%s.iam.gserviceaccount.com","client_id":"1",
                     "token_uri":"https://oauth2.googleapis.com/token"}""".formatted(FIREBASE_PROJECT, pem, FIREBASE_PROJECT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
