package uk.co.lomashwood.platform.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one place where exceptions become RFC 7807 responses (DESIGN §4). Unknown failures become a
 * generic 500 whose body reveals nothing; the stack trace goes to the log only.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Map<String, Object>> validation(ValidationException e, HttpServletRequest request) {
        return problem(e.status(), e.code(), e.detail(), request, e.violations(), e.extensions(), null);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e, HttpServletRequest request) {
        if (e.status() >= 500) {
            log.warn("request failed with {}: {}", e.code(), e.detail());
        }
        return problem(e.status(), e.code(), e.detail(), request, null, e.extensions(), e.retryAfter());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Map<String, Object>> beanValidation(BindException e, HttpServletRequest request) {
        List<FieldViolation> errors = e.getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), f.getDefaultMessage())).toList();
        if (errors.isEmpty()) {
            errors = e.getGlobalErrors().stream().map(g -> new FieldViolation(g.getObjectName(), g.getDefaultMessage())).toList();
        }
        return invalid(request, errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldViolation> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldViolation(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return invalid(request, errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> constraints(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldViolation> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return invalid(request, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return invalid(request, List.of(JsonProblems.describe(e)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return invalid(request, List.of(new FieldViolation(e.getName(), "has the wrong type or format")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return invalid(request, List.of(new FieldViolation(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return invalid(request, List.of(new FieldViolation(e.getHeaderName(), "header is required")));
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<Map<String, Object>> binding(ServletRequestBindingException e, HttpServletRequest request) {
        return invalid(request, List.of(new FieldViolation("request", "is missing a required part")));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(Exception e, HttpServletRequest request) {
        return problem(404, ErrorCode.NOT_FOUND, "No resource exists at this path.", request, null, null, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(405, ErrorCode.METHOD_NOT_ALLOWED, "The method " + e.getMethod() + " is not allowed here.",
                request, null, null, null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.",
                request, null, null, null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return invalid(request, List.of(new FieldViolation("Accept", "must accept application/json")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(413, ErrorCode.FILE_TOO_LARGE, "The file is larger than allowed.", request, null, null, null);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Map<String, Object>> concurrentUpdate(OptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(409, ErrorCode.CONFLICT, "The resource was changed by someone else; reload and retry.",
                request, null, null, null);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, Object>> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("data integrity violation on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getClass().getName());
        return problem(409, ErrorCode.CONFLICT, "The request conflicts with existing data.", request, null, null, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        log.error("unhandled failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(500, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side. Please try again later.",
                request, null, null, null);
    }

    private ResponseEntity<Map<String, Object>> invalid(HttpServletRequest request, List<FieldViolation> errors) {
        return problem(400, ErrorCode.VALIDATION_ERROR, "The request is invalid: see errors for the fields to correct.",
                request, errors, null, null);
    }

    static ResponseEntity<Map<String, Object>> problem(int status, ErrorCode code, String detail, HttpServletRequest request,
                                                     List<FieldViolation> errors, Map<String, Object> extensions,
                                                     Duration retryAfter) {
        Map<String, Object> body = ProblemBody.of(status, code, detail, request.getRequestURI(), errors, extensions, retryAfter);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(ProblemResponseWriter.PROBLEM_JSON));
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(body.get("retryAfter")));
        }
        return builder.body(body);
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
