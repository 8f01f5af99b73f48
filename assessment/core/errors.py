"""Errors the import, store and report modules raise for the user to read.

Each carries an i18n key and its arguments (like edit.EditError), never English prose: the UI turns
it into a sentence in the user's language with `messages.message(error, lang)`."""
from __future__ import annotations


class KeyedError(Exception):
    """An error the user reads: `key` names the message, `args_` fills its {placeholders}."""

    def __init__(self, key: str, /, **args):
        self.key, self.args_ = key, args
        super().__init__(f"{key} {args}")


class ImportProblem(KeyedError, ValueError):
    """A file that cannot be imported; the args name the field (e.g. `people[3].name`) or the line."""


class ReportUnavailable(KeyedError, RuntimeError):
    """The PDF cannot be made here (no Chromium, or it failed); the HTML report still can."""


class StoreError(KeyedError):
    """Any refusal or failure of the store of saved assessments."""


class StoreUnavailable(StoreError):
    """The database cannot be used right now (locked, read-only, disk full, server unreachable).
    The UI keeps the work in the session and says so; saving again later may succeed."""


class NotFound(StoreError):
    """No saved assessment or snapshot with that id (e.g. a stale `?a=` link)."""


class Conflict(StoreError):
    """Someone else saved first: the stored version is not the one this writer started from.

    Nothing was written. `stored_version` is the version now stored (0 when the assessment has
    been deleted meanwhile). Store.save_changes re-applies the writer's ops instead (team mode)."""

    def __init__(self, stored_version: int):
        self.stored_version = stored_version
        super().__init__("store.conflict", stored_version=stored_version)


class Deleted(StoreError):
    """The assessment this writer has open was deleted meanwhile (by another tab or person)."""

    def __init__(self, ident: str):
        self.ident = ident
        super().__init__("store.deleted", id=ident)
