"""The planning pages' views: actions, scenarios and their comparison, staffing, postings, executive."""
