package uk.co.lomashwood.product.taxonomy;

import uk.co.lomashwood.platform.core.error.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Deletes each id on its own and reports which went and why the others stayed (spec 20 bulk-delete shapes). */
public record BulkDeletion(List<UUID> successful, List<Failure> failed, int total, int successCount, int failCount) {

    public record Failure(UUID id, String error) {
    }

    static BulkDeletion run(List<UUID> ids, Consumer<UUID> delete) {
        List<UUID> done = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            try {
                delete.accept(id);
                done.add(id);
            } catch (ApiException e) {
                failed.add(new Failure(id, e.code().name()));
            }
        }
        return new BulkDeletion(done, failed, done.size() + failed.size(), done.size(), failed.size());
    }
}
