package uk.co.lomashwood.auth.mfa;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.auth.session.SignIns;
import uk.co.lomashwood.auth.session.SignedInResponse;
import uk.co.lomashwood.auth.support.ClientInfo;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;

/** Two-step verification: sign-in challenge, enrolment setup and enable (spec 10 §2.4). */
@RestController
public class MfaController {

    private final MfaVerification verification;
    private final MfaEnrolment enrolment;
    private final SignIns signIns;

    public MfaController(MfaVerification verification, MfaEnrolment enrolment, SignIns signIns) {
        this.verification = verification;
        this.enrolment = enrolment;
        this.signIns = signIns;
    }

    public record BackupCodesResponse(List<String> backupCodes) {
    }

    /** Staff enrolment: the backup codes and the sign-in answer of {@code mfa/verify} in one body. */
    public record EnrolledResponse(List<String> backupCodes, String accessToken, String tokenType, long expiresIn,
                                   String refreshToken, SignedInResponse.SignedInUser user) {
    }

    @PostMapping("/v1/auth/mfa/verify")
    public ApiResponse<SignedInResponse> verify(@Valid @RequestBody MfaRequests.Verify body,
                                                HttpServletRequest request, HttpServletResponse response) {
        body.requireOneCode();
        MfaVerification.Verified verified = verification.verify(body.mfaToken(), body.code(), body.backupCode(),
                ClientInfo.of(request));
        return ApiResponse.of(signIns.respond(verified.user(), verified.tokens(), request, response));
    }

    @PostMapping("/v1/auth/mfa/setup")
    public ApiResponse<MfaEnrolment.Setup> setup(UserContext caller, @Valid @RequestBody MfaRequests.Setup body) {
        body.requireOneProof();
        return ApiResponse.of(enrolment.setup(caller, body.mfaToken(), body.password()));
    }

    @PostMapping("/v1/auth/mfa/enable")
    public ApiResponse<Object> enable(UserContext caller, @Valid @RequestBody MfaRequests.Enable body,
                                      HttpServletRequest request, HttpServletResponse response) {
        MfaEnrolment.Enabled enabled = enrolment.enable(caller, body.mfaToken(), body.code(), ClientInfo.of(request));
        if (enabled.tokensOrNull() == null) {
            return ApiResponse.of(new BackupCodesResponse(enabled.backupCodes()));
        }
        SignedInResponse signedIn = signIns.respond(enabled.user(), enabled.tokensOrNull(), request, response);
        return ApiResponse.of(new EnrolledResponse(enabled.backupCodes(), signedIn.accessToken(), signedIn.tokenType(),
                signedIn.expiresIn(), signedIn.refreshToken(), signedIn.user()));
    }
}
