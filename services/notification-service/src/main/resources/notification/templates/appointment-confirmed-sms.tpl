name: Booking confirmed SMS
category: APPOINTMENT_CONFIRMATION
channel: SMS
topic: BOOKING_CONFIRMATIONS
required: appointmentDate, appointmentTime, appointmentRef, manageUrl
--- text
Lomash Wood: your appointment [(${appointmentRef})] on [(${appointmentDate})] at [(${appointmentTime})] is confirmed. Manage it: [(${manageUrl})]
