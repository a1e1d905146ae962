package uk.co.lomashwood.platform.web.patch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JSON Merge Patch (RFC 7386) as spec 00 §1.5 applies it: absent members stay, {@code null}
 * clears, arrays and objects replace wholesale, and any member outside the writable set (unknown,
 * read-only, owner ids, statuses) is a 400. The caller validates the patched result with its own
 * bean-validation rules, which is where non-nullable fields set to null are refused.
 */
public final class MergePatch {

    private MergePatch() {
    }

    public static <T> T apply(JsonNode patch, T current, Class<T> type, Set<String> writable, ObjectMapper mapper) {
        if (patch == null || !patch.isObject()) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (String name : patch.propertyNames()) {
            if (!writable.contains(name)) {
                violations.add(new FieldViolation(name, "cannot be changed with PATCH"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        ObjectNode target = mapper.valueToTree(current);
        merge(target, (ObjectNode) patch);
        try {
            return mapper.treeToValue(target, type);
        } catch (RuntimeException e) {
            throw ValidationException.of("body", "contains a value of the wrong type");
        }
    }

    static void merge(ObjectNode target, ObjectNode patch) {
        for (String name : patch.propertyNames()) {
            JsonNode value = patch.get(name);
            // spec 00 §1.5 tightens RFC 7386: nested objects replace the stored value wholesale
            target.set(name, value);
        }
    }
}
