"""Planning tools: the action plan, the staffing suggestion, scenarios, job postings and RFPs."""
