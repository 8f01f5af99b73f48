"""Where saved work is kept: the store on SQLite or PostgreSQL."""
