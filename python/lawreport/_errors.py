"""The exceptions lawreport raises: one per kind of problem with an input.

Every one carries the file it is about (``path``, "" when the problem is an
argument rather than a file), the library's one-line ``message`` and its error
``code``; ``str(error)`` is the CLI's line, ``PATH: message``::

    try:
        lawreport.extract("missing.txt")
    except lawreport.InputError as error:
        print(error.path, error.message)   # missing.txt  no such file
"""


class Error(Exception):
    """A report lawreport could not read, or an option it refuses."""

    def __init__(self, path, message, code="invalid_argument"):
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message
        self.code = code


class InputError(Error):
    """The path cannot be read: missing, a directory, unreadable."""


class FormatError(Error):
    """The bytes are not a report lawreport reads: empty, binary, a bad
    encoding, an unsupported, damaged or encrypted container, or a PDF with no
    text (a scan)."""


class LimitError(Error):
    """Over a resource limit: max_bytes, unzipped size, zip entries, pages,
    line length, nesting depth, or the timeout."""


class OptionError(Error, ValueError):
    """An option value the library refuses (also a ValueError)."""


# src/ ErrorCode, by the names python/_lawreport.cc gives them.
_CLASSES = {
    "not_found": InputError,
    "not_a_file": InputError,
    "unreadable": InputError,
    "too_large": LimitError,
    "limit_exceeded": LimitError,
    "empty": FormatError,
    "bad_encoding": FormatError,
    "binary": FormatError,
    "unsupported_format": FormatError,
    "damaged": FormatError,
    "encrypted": FormatError,
    "no_text": FormatError,
    "unknown_encoding": OptionError,
    "invalid_argument": OptionError,
}


def make_error(code, path, message):
    """The exception for one of the library's error codes."""
    return _CLASSES.get(code, Error)(path, message, code)
