package uk.co.lomashwood.appointment.booking;

import org.springframework.dao.DataAccessException;
import uk.co.lomashwood.platform.core.error.ApiException;

import java.sql.SQLException;
import java.util.function.Supplier;

/** Maps the database's last line of defence (unique/exclusion violations, lock conflicts) to 409 SLOT_UNAVAILABLE. */
final class Conflicts {

    private Conflicts() {
    }

    static <T> T asSlotUnavailable(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            if (isConflict(e)) {
                throw SlotEligibility.unavailable();
            }
            throw e;
        }
    }

    /** 23xxx integrity violations (23505 unique, 23P01 exclusion) and 40xxx serialisation failures or deadlocks. */
    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
            if (t instanceof ApiException) {
                return false;
            }
        }
        return false;
    }
}
