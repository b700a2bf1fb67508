"""The exception tree of reglab_forecast.

Every error the toolkit raises on purpose derives from ``ReglabError``, so a caller can catch
them all in one place. Errors about bad input are also ``ValueError`` so that generic code keeps
working::

    ReglabError
    ├── InputError (ValueError)          bad input from a user or a caller
    │   ├── UnknownRegionError           region name or code not found (suggests the nearest)
    │   ├── UnknownOccupationError       SSYK code or name not found
    │   ├── ScenarioError                scenario file with unknown keys or occupations
    │   └── OutputPathError              an output path that would lose a file, or is unusable
    ├── DataContractError (ValueError)   a frame breaks the data contract (names column and rows)
    ├── OutputWriteError                 an output could not be written (full disk, rights)
    ├── SnapshotError                    the embedded or fetched snapshot is missing or broken
    └── SourceError                      talking to SCB or JobTech failed
        ├── OfflineCacheMiss             offline mode and the request is not in the cache
        ├── RateLimitError               the server kept answering 429 after every retry
        ├── ServerError                  5xx, timeouts or cut connections after every retry
        └── ResponseError                a response that cannot be parsed, or a 4xx

Messages say what happened, where (table id, region, column) and what to do.
"""

from __future__ import annotations


class ReglabError(Exception):
    """Base of every error raised on purpose by reglab_forecast."""


class InputError(ReglabError, ValueError):
    """Bad input from a user or a caller."""


class UnknownRegionError(InputError):
    """A region name or code that is not Riket, a län or a kommun."""


class UnknownOccupationError(InputError):
    """An SSYK 2012 code or name that does not exist."""


class ScenarioError(InputError):
    """A scenario file that cannot be used as it is."""


class OutputPathError(InputError):
    """An output path the toolkit refuses: it would replace a file it did not write, has the
    wrong suffix, or its folder is missing or read-only."""


class OutputWriteError(ReglabError):
    """Writing an output failed (full disk, no rights); nothing half-written is left."""


class ReglabNote(UserWarning):
    """Not an error: a note for the user (e.g. an old kommun code mapped to today's); the CLI
    prints it as one line starting with "obs:"."""


class DataContractError(ReglabError, ValueError):
    """A frame that breaks the data contract (see ``frames.validate``)."""


class SnapshotError(ReglabError):
    """The embedded or fetched data snapshot is missing or broken."""


class SourceError(ReglabError):
    """Talking to a data source (SCB, JobTech) failed."""


class OfflineCacheMiss(SourceError):
    """Offline mode is on and the request is not in the cache."""


class RateLimitError(SourceError):
    """The server answered HTTP 429 after every retry."""


class ServerError(SourceError):
    """5xx, timeouts or cut connections after every retry."""


class ResponseError(SourceError):
    """A response that cannot be parsed, or a client error (4xx)."""
