name: Order confirmation SMS
category: ORDER_CONFIRMATION
channel: SMS
topic: ORDER_UPDATES
required: orderRef, totalAmount, orderUrl
--- text
Lomash Wood: thank you for order [(${orderRef})] ([(${totalAmount})]). Details: [(${orderUrl})]
