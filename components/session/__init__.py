"""The session's work and its frame: state, saving, language, labels, the sidebar, editable tables."""
