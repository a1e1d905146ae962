name: Loyalty points earned push
category: LOYALTY_POINTS_EARNED
channel: PUSH
topic: LOYALTY
required: points, balance
subject: You earned [(${points})] points
--- text
Your Lomash Wood balance is now [(${balance})] points.
