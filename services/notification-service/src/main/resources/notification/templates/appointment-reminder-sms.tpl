name: Appointment reminder SMS
category: APPOINTMENT_REMINDER
channel: SMS
topic: BOOKING_REMINDERS
required: appointmentType, appointmentTime, appointmentRef, manageUrl
--- text
Lomash Wood: reminder of your [(${appointmentType})] today at [(${appointmentTime})] ([(${appointmentRef})]). Manage it: [(${manageUrl})]
