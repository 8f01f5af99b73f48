"""Team mode: several people on one assessment — edits recorded as operations, merged on save."""
