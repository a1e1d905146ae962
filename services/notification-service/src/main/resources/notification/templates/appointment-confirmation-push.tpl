name: Booking acknowledgement push
category: APPOINTMENT_CONFIRMATION
channel: PUSH
topic: BOOKING_CONFIRMATIONS
required: appointmentType, appointmentDate, appointmentRef
subject: Booking received
--- text
Your [(${appointmentType})] on [(${appointmentDate})] ([(${appointmentRef})]) is booked.
