name: Order confirmation push
category: ORDER_CONFIRMATION
channel: PUSH
topic: ORDER_UPDATES
required: orderRef, totalAmount
subject: Order confirmed
--- text
Order [(${orderRef})] ([(${totalAmount})]) is confirmed.
