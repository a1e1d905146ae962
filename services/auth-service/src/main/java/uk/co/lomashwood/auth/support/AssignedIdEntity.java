package uk.co.lomashwood.auth.support;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.util.Objects;
import java.util.UUID;

/**
 * An entity whose UUID is assigned in code; tells Spring Data whether to persist or merge without
 * a select first.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<UUID> {

    @Id
    private UUID id;

    @Transient
    private boolean fresh = true;

    protected AssignedIdEntity() {
    }

    protected AssignedIdEntity(UUID id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID id() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        fresh = false;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof AssignedIdEntity that
                && getClass() == that.getClass() && id != null && id.equals(that.id));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
