"""The walk-through's steps (model, people, skills, results) and the catalogue reference they draw on."""
