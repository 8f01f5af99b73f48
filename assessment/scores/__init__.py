"""What the assessment says: scores, staffing, information flows, comparisons, executive figures, history."""
