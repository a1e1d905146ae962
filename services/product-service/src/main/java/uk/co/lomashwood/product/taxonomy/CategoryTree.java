package uk.co.lomashwood.product.taxonomy;

import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Parent links of all live categories; enforces depth ≤ 3 and no cycles (spec 20 §1.4.5). */
record CategoryTree(Map<UUID, UUID> parentOf) {

    static final int MAX_DEPTH = 3;

    /** Placing {@code node} (null when new) under {@code parent}. */
    void checkPlacement(UUID node, UUID parent) {
        if (parent == null) {
            return;
        }
        if (!parentOf.containsKey(parent)) {
            throw ApiException.reference(ErrorCode.CATEGORY_NOT_FOUND, "parentId does not name a category.");
        }
        for (UUID at = parent; at != null; at = parentOf.get(at)) {
            if (Objects.equals(at, node)) {
                throw new ApiException(ErrorCode.CATEGORY_INVALID_PARENT,
                        "A category cannot be placed under itself or one of its descendants.");
            }
        }
        if (depth(parent) + height(node) > MAX_DEPTH) {
            throw new ApiException(ErrorCode.CATEGORY_MAX_DEPTH_EXCEEDED, "Categories nest at most three levels deep.");
        }
    }

    /** Levels from the root down to {@code id} inclusive (a root is 1). */
    int depth(UUID id) {
        int depth = 0;
        for (UUID at = id; at != null && depth <= MAX_DEPTH + 1; at = parentOf.get(at)) {
            depth++;
        }
        return depth;
    }

    /** Levels of the subtree rooted at {@code id} (a leaf or a new node is 1). */
    int height(UUID id) {
        if (id == null) {
            return 1;
        }
        int height = 1;
        for (Map.Entry<UUID, UUID> entry : parentOf.entrySet()) {
            if (id.equals(entry.getValue())) {
                height = Math.max(height, 1 + height(entry.getKey()));
            }
        }
        return height;
    }
}
