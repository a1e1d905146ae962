name: Booking cancelled SMS
category: APPOINTMENT_CANCELLATION
channel: SMS
topic: BOOKING_CONFIRMATIONS
required: appointmentRef, appointmentDate, rebookUrl
--- text
Lomash Wood: appointment [(${appointmentRef})] on [(${appointmentDate})] has been cancelled. Book again: [(${rebookUrl})]
