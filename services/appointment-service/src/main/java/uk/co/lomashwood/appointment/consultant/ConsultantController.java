package uk.co.lomashwood.appointment.consultant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.appointment.common.Pages;
import uk.co.lomashwood.appointment.common.Specialisation;
import uk.co.lomashwood.appointment.consultant.ConsultantRequests.NewAvailability;
import uk.co.lomashwood.appointment.consultant.ConsultantRequests.NewConsultant;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Consultants and their working patterns under {@code /v1/appointments} (spec 30 §1.3). */
@RestController
@Validated
public class ConsultantController {

    private final Consultants consultants;
    private final AvailabilityRules rules;
    private final ConsultantRoster roster;
    private final ConsultantActivation activation;
    private final AvailabilityChanges availabilityChanges;

    public ConsultantController(Consultants consultants, AvailabilityRules rules, ConsultantRoster roster,
                                ConsultantActivation activation, AvailabilityChanges availabilityChanges) {
        this.consultants = consultants;
        this.rules = rules;
        this.roster = roster;
        this.activation = activation;
        this.availabilityChanges = availabilityChanges;
    }

    @PatchMapping("/v1/appointments/availability/{id}")
    @RequireRole({Role.ADMIN, Role.CONSULTANT})
    public ApiResponse<AvailabilityRule> updateAvailability(@PathVariable UUID id,
                                                            @Valid @RequestBody ConsultantRequests.AvailabilityPatch patch,
                                                            UserContext caller) {
        return ApiResponse.of(availabilityChanges.update(id, patch, caller));
    }

    @DeleteMapping("/v1/appointments/availability/{id}")
    @RequireRole({Role.ADMIN, Role.CONSULTANT})
    public ResponseEntity<Void> deleteAvailability(@PathVariable UUID id, UserContext caller) {
        availabilityChanges.delete(id, caller);
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/v1/appointments/consultants/{id}")
    @RequireRole({Role.ADMIN, Role.CONSULTANT})
    public ApiResponse<ConsultantView> update(@PathVariable UUID id,
                                              @Valid @RequestBody ConsultantRequests.ConsultantPatch patch,
                                              UserContext caller) {
        Consultant consultant = visible(id, caller);
        if (!mayManage(consultant, caller)) {
            throw notFound();
        }
        boolean admin = caller.hasRole(Role.ADMIN);
        return ApiResponse.of(ConsultantView.of(roster.update(id, patch, caller.userId(), !admin), admin, null));
    }

    @PatchMapping("/v1/appointments/consultants/{id}/activate")
    @RequireRole(Role.ADMIN)
    public ApiResponse<ConsultantView> activate(@PathVariable UUID id, UserContext caller) {
        return ApiResponse.of(ConsultantView.of(activation.activate(id, caller.userId()), true, null));
    }

    @PatchMapping("/v1/appointments/consultants/{id}/deactivate")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Map<String, Object>> deactivate(@PathVariable UUID id, UserContext caller) {
        List<UUID> affected = activation.deactivate(id, caller.userId());
        return ApiResponse.of(Map.of("consultant", ConsultantView.of(consultants.find(id).orElseThrow(), true, null),
                "affectedBookingIds", affected));
    }

    @DeleteMapping("/v1/appointments/consultants/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id, UserContext caller) {
        activation.delete(id, caller.userId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/appointments/consultants")
    public ApiResponse<List<ConsultantView>> list(@RequestParam(required = false) Integer page,
                                                  @RequestParam(required = false) Integer limit,
                                                  @RequestParam(required = false) UUID showroomId,
                                                  @RequestParam(required = false) Specialisation specialisation,
                                                  @RequestParam(required = false) Boolean isActive,
                                                  @RequestParam(required = false) @Size(max = 100) String search,
                                                  UserContext caller) {
        boolean admin = caller.hasRole(Role.ADMIN);
        ConsultantFilter filter = new ConsultantFilter(admin ? isActive : Boolean.TRUE, showroomId, specialisation, search);
        OffsetPage<Consultant> found = consultants.list(filter, PageRequest.of(page, limit));
        return ApiResponse.offset(Pages.map(found, c -> ConsultantView.of(c, admin, null)));
    }

    @GetMapping("/v1/appointments/consultants/{id}")
    public ApiResponse<ConsultantView> get(@PathVariable UUID id, @RequestParam(required = false) String include,
                                           UserContext caller) {
        Consultant consultant = visible(id, caller);
        boolean withRules = "availability".equals(include) && mayManage(consultant, caller);
        return ApiResponse.of(ConsultantView.of(consultant, caller.hasRole(Role.ADMIN),
                withRules ? rules.of(id) : null));
    }

    @GetMapping("/v1/appointments/consultants/{id}/availability")
    @RequireRole({Role.ADMIN, Role.CONSULTANT})
    public ApiResponse<Map<String, List<AvailabilityRule>>> availability(@PathVariable UUID id, UserContext caller) {
        Consultant consultant = visible(id, caller);
        if (!mayManage(consultant, caller)) {
            throw notFound();
        }
        List<AvailabilityRule> all = rules.of(id);
        return ApiResponse.of(Map.of("weekly", all.stream().filter(AvailabilityRule::recurring).toList(),
                "exceptions", all.stream().filter(r -> !r.recurring()).toList()));
    }

    @PostMapping("/v1/appointments/consultants")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<ConsultantView>> create(@Valid @RequestBody NewConsultant request, UserContext caller) {
        Consultant created = roster.register(request, caller.userId());
        return Created.under(created.id(), ConsultantView.of(created, true, null));
    }

    @PostMapping("/v1/appointments/availability")
    @RequireRole({Role.ADMIN, Role.CONSULTANT})
    public ResponseEntity<ApiResponse<AvailabilityRule>> addAvailability(@Valid @RequestBody NewAvailability request,
                                                                         UserContext caller) {
        if (!caller.hasRole(Role.ADMIN)) {
            Consultant self = consultants.find(request.consultantId()).filter(c -> caller.userId().equals(c.userId()))
                    .orElseThrow(() -> ApiException.reference(ErrorCode.CONSULTANT_NOT_FOUND,
                            "No consultant with this id."));
            request = new NewAvailability(self.id(), request.dayOfWeek(), request.startTime(), request.endTime(),
                    request.isRecurring(), request.specificDate(), request.isBlocked(), request.blockReason(),
                    request.validFrom(), request.validTo());
        }
        AvailabilityRule rule = roster.addAvailability(request, caller.userId());
        return Created.under(rule.id(), rule);
    }

    private Consultant visible(UUID id, UserContext caller) {
        return consultants.find(id).filter(c -> c.isActive() || caller.hasRole(Role.ADMIN) || mayManage(c, caller))
                .orElseThrow(ConsultantController::notFound);
    }

    private static boolean mayManage(Consultant consultant, UserContext caller) {
        return caller.hasRole(Role.ADMIN) || (caller.userId() != null && caller.userId().equals(consultant.userId()));
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.CONSULTANT_NOT_FOUND, "No consultant with this id.");
    }
}
