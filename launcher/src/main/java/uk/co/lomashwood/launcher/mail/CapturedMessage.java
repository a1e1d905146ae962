package uk.co.lomashwood.launcher.mail;

import java.util.List;

/** One email caught by the local SMTP server, as the mailbox API shows it. */
public record CapturedMessage(String id, List<String> to, String from, String subject, String text, String html,
                             String receivedAt) {
}
