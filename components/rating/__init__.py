"""The lead's rating widget on the Skills page: one key or click per rating (issue 13)."""
