"""My self-check: the only page a participant link reaches (the person's own ratings and roles)."""
from components.session.state import catalogue
from components.team.participant_view import render

render(catalogue())
