name: Business enquiry confirmation
category: BUSINESS_ENQUIRY_CONFIRMATION
channel: EMAIL
topic: -
required: contactName
subject: Thank you for your enquiry
--- html
<p>Hello <span th:text="${contactName}">contactName</span>,</p>
<p>Thank you for your business enquiry<th:block th:if="${businessName != null}"> on behalf of <span th:text="${businessName}">businessName</span></th:block>. Our partnerships team will reply within two working days.</p>
--- text
Hello [(${contactName})],

Thank you for your business enquiry[# th:if="${businessName != null}"] on behalf of [(${businessName})][/]. Our partnerships team will reply within two working days.
