"""Accounts (issue 14): who may open which assessment when the app is run with login — the owner,
the people the owner granted (editor or viewer, by e-mail) and the administrators."""
