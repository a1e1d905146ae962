package uk.co.lomashwood.platform.web.error;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import uk.co.lomashwood.platform.core.error.FieldViolation;

import java.util.stream.Collectors;

/** Turns a JSON parsing failure into a field-level message a client can act on, without internals. */
final class JsonProblems {

    private JsonProblems() {
    }

    static FieldViolation describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldViolation(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException invalid) {
            return new FieldViolation(path(invalid), "has an invalid value");
        }
        if (cause instanceof MismatchedInputException mismatched && !path(mismatched).isEmpty()) {
            return new FieldViolation(path(mismatched), "has the wrong type");
        }
        if (cause instanceof DatabindException databind && !path(databind).isEmpty()) {
            return new FieldViolation(path(databind), "is invalid");
        }
        if (cause instanceof IllegalArgumentException || cause instanceof ArithmeticException) {
            return new FieldViolation("body", "contains an invalid value");
        }
        return new FieldViolation("body", "is missing or is not valid JSON");
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
