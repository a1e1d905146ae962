name: Payment receipt SMS
category: PAYMENT_RECEIPT
channel: SMS
topic: ORDER_UPDATES
required: amount, orderRef, paymentId
--- text
Lomash Wood: payment of [(${amount})] received for order [(${orderRef})]. Ref [(${paymentId})]
