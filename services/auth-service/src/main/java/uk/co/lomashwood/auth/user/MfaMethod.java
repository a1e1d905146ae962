package uk.co.lomashwood.auth.user;

/** Second factors; TOTP and BACKUP_CODE are enabled in v1. */
public enum MfaMethod {
    TOTP, EMAIL_OTP, SMS_OTP, BACKUP_CODE
}
