"""The Roles page's role board: the 19 roles, their status and note, in one browser element."""
