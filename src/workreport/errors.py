"""Exceptions for bad input. Each carries what a caller needs to tell the user what to do, and
``status``: the HTTP status the web API answers it with (the CLI exits 2 for every one)."""
from __future__ import annotations


def _rebuild(cls: type, message: str, state: dict) -> "WorkReportError":
    err = cls.__new__(cls)
    Exception.__init__(err, message)
    err.__dict__.update(state)
    return err


class WorkReportError(Exception):
    """Base class: the CLI prints ``str(err)`` as one line and exits 2."""

    status = 400

    def __reduce__(self):
        # the subclasses' __init__ take other arguments than the message: rebuild from the
        # message and attributes, so an error crosses from a parser process to the main one
        return _rebuild, (type(self), str(self), dict(self.__dict__))


class InputNotFound(WorkReportError):
    status = 404

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: no such file")


class NotAFile(WorkReportError):
    status = 422

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: is a directory, not a file (use `workreport ingest` for folders)")


class EmptyInput(WorkReportError):
    status = 422

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: the file is empty (no text to parse)")


class UnsupportedFormat(WorkReportError):
    status = 415

    def __init__(self, path: str, detail: str = ""):
        self.path = path
        super().__init__(f"{path}: unsupported or unrecognised format{': ' + detail if detail else ''}")


class DecodeError(WorkReportError):
    status = 422

    def __init__(self, path: str, tried: tuple[str, ...]):
        self.path = path
        self.tried = tried
        super().__init__(
            f"{path}: cannot decode the text as {', '.join(tried)}; "
            "pass --encoding NAME if you know the encoding"
        )


class BinaryInput(WorkReportError):
    status = 415

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: looks like binary data, not text (txt, html, docx and pdf are supported)")


class TooLarge(WorkReportError):
    status = 413

    def __init__(self, path: str, size: int, limit: int):
        self.path, self.size, self.limit = path, size, limit
        super().__init__(f"{path}: {size} bytes is over the limit of {limit} bytes")


class CorruptFile(WorkReportError):
    status = 422

    def __init__(self, path: str, detail: str):
        self.path = path
        super().__init__(f"{path}: damaged or unreadable file: {detail}")


class NoTextLayer(WorkReportError):
    status = 422

    def __init__(self, path: str):
        self.path = path
        super().__init__(
            f"{path}: this PDF has no text layer (a scan); OCR is not available in this version"
        )


class EncryptedFile(WorkReportError):
    status = 422

    def __init__(self, path: str, kind: str = "file"):
        self.path = path
        super().__init__(f"{path}: this {kind} is password-protected; save an unprotected copy and try again")


class ArchiveBomb(WorkReportError):
    status = 413

    def __init__(self, path: str, detail: str):
        self.path = path
        super().__init__(f"{path}: refused, the archive would expand beyond safe limits ({detail})")


class FormatMismatch(WorkReportError):
    status = 415

    def __init__(self, path: str, claimed: str, actual: str):
        self.path, self.claimed, self.actual = path, claimed, actual
        super().__init__(
            f"{path}: the name says {claimed} but the content is {actual}; rename the file to match its content"
        )


class ConverterMissing(WorkReportError):
    status = 415

    def __init__(self, path: str, detail: str):
        self.path = path
        super().__init__(f"{path}: {detail}")


class NoReportFound(WorkReportError):
    status = 422

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: no report text found to track")


class StoreError(WorkReportError):
    """The database file cannot be opened or is not a workreport library."""

    status = 500


class ExportError(WorkReportError):
    """An unknown export format or table."""

    status = 422


class ParseFailed(WorkReportError):
    """A bug in a parser met this file: reported with the file, not raised through the ingest."""

    status = 422

    def __init__(self, path: str, detail: str):
        self.path = path
        super().__init__(f"{path}: {detail}")


class RuleDataError(WorkReportError):
    status = 500

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid rule data:\n" + "\n".join(problems))
