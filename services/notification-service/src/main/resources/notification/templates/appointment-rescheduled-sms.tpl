name: Booking rescheduled SMS
category: APPOINTMENT_RESCHEDULED
channel: SMS
topic: BOOKING_CONFIRMATIONS
required: appointmentRef, appointmentDate, appointmentTime, manageUrl
--- text
Lomash Wood: appointment [(${appointmentRef})] is now on [(${appointmentDate})] at [(${appointmentTime})]. Manage it: [(${manageUrl})]
