name: Booking acknowledgement SMS
category: APPOINTMENT_CONFIRMATION
channel: SMS
topic: BOOKING_CONFIRMATIONS
required: appointmentType, appointmentDate, appointmentTime, appointmentRef, manageUrl
--- text
Lomash Wood: we have received your [(${appointmentType})] booking [(${appointmentRef})] for [(${appointmentDate})] at [(${appointmentTime})]. Manage it: [(${manageUrl})]
