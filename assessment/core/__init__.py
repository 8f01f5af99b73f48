"""The Assessment model, the edits that change it, its errors and messages, the sample organisations."""
