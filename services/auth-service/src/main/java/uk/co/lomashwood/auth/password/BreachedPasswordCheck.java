package uk.co.lomashwood.auth.password;

/**
 * The breach-corpus check of spec 00 §3.2 (k-anonymity range query on the first 5 hex characters of
 * the password's SHA-1). The only implementation today is {@link LocalBreachedPasswordCheck}, which
 * checks nothing: the platform has no outbound route to a breach API yet. An HTTP implementation
 * must treat an unreachable service as "not breached" and log a warning, as the spec requires.
 */
public interface BreachedPasswordCheck {

    boolean isBreached(String password);
}
