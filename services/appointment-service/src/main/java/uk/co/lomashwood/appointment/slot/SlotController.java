package uk.co.lomashwood.appointment.slot;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.appointment.consultant.Consultant;
import uk.co.lomashwood.appointment.consultant.Consultants;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The slot inventory for staff (and a consultant's own slots). */
@RestController
public class SlotController {

    public record SlotChange(@NotNull TimeSlot.SlotStatus status, @Size(max = 200) String blockReason) {
    }

    private final Slots slots;
    private final SlotAdministration administration;
    private final Consultants consultants;
    private final SlotGeneration generation;

    public SlotController(Slots slots, SlotAdministration administration, Consultants consultants, SlotGeneration generation) {
        this.slots = slots;
        this.administration = administration;
        this.consultants = consultants;
        this.generation = generation;
    }

    public record Regenerate(UUID consultantId) {
    }

    /** Runs before answering (it takes well under a second per consultant); 202 as the spec asks. */
    @PostMapping("/v1/appointments/slots/regenerate")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> regenerate(@RequestBody(required = false) Regenerate request) {
        if (request != null && request.consultantId() != null) {
            consultants.find(request.consultantId()).orElseThrow(() ->
                    ApiException.reference(ErrorCode.CONSULTANT_NOT_FOUND, "No consultant with this id."));
            generation.regenerate(request.consultantId());
        } else {
            generation.regenerateAll();
        }
        return ResponseEntity.accepted().build();
    }

    @DeleteMapping("/v1/appointments/slots/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        administration.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/appointments/slots")
    @RequireRole({Role.ADMIN, Role.CONSULTANT})
    public ApiResponse<List<TimeSlot>> list(@RequestParam(required = false) UUID consultantId,
                                            @RequestParam(required = false) UUID showroomId,
                                            @RequestParam(required = false) TimeSlot.SlotStatus status,
                                            @RequestParam(required = false) LocalDate from,
                                            @RequestParam(required = false) LocalDate to,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer limit, UserContext caller) {
        UUID consultant = caller.hasRole(Role.ADMIN) ? consultantId
                : consultants.findByUserId(caller.requireUserId()).map(Consultant::id).orElse(new UUID(0, 0));
        return ApiResponse.offset(slots.list(consultant, showroomId, status == null ? null : status.name(), from, to,
                PageRequest.of(page, limit)));
    }

    @PatchMapping("/v1/appointments/slots/{id}")
    @RequireRole(Role.ADMIN)
    public ApiResponse<TimeSlot> change(@PathVariable UUID id, @Valid @RequestBody SlotChange change) {
        return ApiResponse.of(administration.setStatus(id, change.status(), change.blockReason()));
    }
}
