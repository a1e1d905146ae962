name: Custom appointment reminder SMS
category: APPOINTMENT_REMINDER
channel: SMS
topic: BOOKING_REMINDERS
required: message, appointmentRef, manageUrl
--- text
Lomash Wood: [(${message})] ([(${appointmentRef})]) [(${manageUrl})]
