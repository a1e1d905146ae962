package uk.co.lomashwood.product.taxonomy;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.platform.core.error.ApiException;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryTreeTest {

    private final UUID root = UUID.randomUUID();
    private final UUID child = UUID.randomUUID();
    private final UUID grandchild = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final CategoryTree tree;

    CategoryTreeTest() {
        Map<UUID, UUID> parents = new HashMap<>();
        parents.put(root, null);
        parents.put(child, root);
        parents.put(grandchild, child);
        parents.put(other, null);
        tree = new CategoryTree(parents);
    }

    @Test
    void aFourthLevelIsRefused() {
        tree.checkPlacement(null, child);
        assertThatThrownBy(() -> tree.checkPlacement(null, grandchild))
                .isInstanceOf(ApiException.class).hasFieldOrPropertyWithValue("code",
                        uk.co.lomashwood.platform.core.error.ErrorCode.CATEGORY_MAX_DEPTH_EXCEEDED);
    }

    @Test
    void movingASubtreeCountsItsHeight() {
        assertThat(tree.height(root)).isEqualTo(3);
        assertThatThrownBy(() -> tree.checkPlacement(root, other)).isInstanceOf(ApiException.class);
        tree.checkPlacement(grandchild, other);
    }

    @Test
    void aCategoryCannotMoveUnderItselfOrADescendant() {
        assertThatThrownBy(() -> tree.checkPlacement(root, grandchild))
                .hasFieldOrPropertyWithValue("code", uk.co.lomashwood.platform.core.error.ErrorCode.CATEGORY_INVALID_PARENT);
        assertThatThrownBy(() -> tree.checkPlacement(child, child))
                .hasFieldOrPropertyWithValue("code", uk.co.lomashwood.platform.core.error.ErrorCode.CATEGORY_INVALID_PARENT);
        assertThatThrownBy(() -> tree.checkPlacement(null, UUID.randomUUID()))
                .hasFieldOrPropertyWithValue("code", uk.co.lomashwood.platform.core.error.ErrorCode.CATEGORY_NOT_FOUND);
    }
}
