"""Exceptions for bad input. Each carries what a caller needs to tell the user what to do."""
from __future__ import annotations


class WorkReportError(Exception):
    """Base class: the CLI prints ``str(err)`` as one line and exits 2."""


class InputNotFound(WorkReportError):
    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: no such file")


class NotAFile(WorkReportError):
    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: is a directory, not a file (use `workreport ingest` for folders)")


class EmptyInput(WorkReportError):
    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: the file is empty (no text to parse)")


class UnsupportedFormat(WorkReportError):
    def __init__(self, path: str, detail: str = ""):
        self.path = path
        super().__init__(f"{path}: unsupported or unrecognised format{': ' + detail if detail else ''}")


class DecodeError(WorkReportError):
    def __init__(self, path: str, tried: tuple[str, ...]):
        self.path = path
        self.tried = tried
        super().__init__(
            f"{path}: cannot decode the text as {', '.join(tried)}; "
            "pass --encoding NAME if you know the encoding"
        )


class BinaryInput(WorkReportError):
    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: looks like binary data, not text (txt, html, docx and pdf are supported)")


class TooLarge(WorkReportError):
    def __init__(self, path: str, size: int, limit: int):
        self.path, self.size, self.limit = path, size, limit
        super().__init__(f"{path}: {size} bytes is over the limit of {limit} bytes")


class CorruptFile(WorkReportError):
    def __init__(self, path: str, detail: str):
        self.path = path
        super().__init__(f"{path}: damaged or unreadable file: {detail}")


class NoTextLayer(WorkReportError):
    def __init__(self, path: str):
        self.path = path
        super().__init__(
            f"{path}: this PDF has no text layer (a scan); OCR is not available in this version"
        )


class EncryptedFile(WorkReportError):
    def __init__(self, path: str, kind: str = "file"):
        self.path = path
        super().__init__(f"{path}: this {kind} is password-protected; save an unprotected copy and try again")


class ArchiveBomb(WorkReportError):
    def __init__(self, path: str, detail: str):
        self.path = path
        super().__init__(f"{path}: refused, the archive would expand beyond safe limits ({detail})")


class FormatMismatch(WorkReportError):
    def __init__(self, path: str, claimed: str, actual: str):
        self.path, self.claimed, self.actual = path, claimed, actual
        super().__init__(
            f"{path}: the name says {claimed} but the content is {actual}; rename the file to match its content"
        )


class ConverterMissing(WorkReportError):
    def __init__(self, path: str, detail: str):
        self.path = path
        super().__init__(f"{path}: {detail}")


class NoReportFound(WorkReportError):
    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: no report text found to track")


class StoreError(WorkReportError):
    """The database file cannot be opened or is not a workreport library."""


class ExportError(WorkReportError):
    """An unknown export format or table."""


class RuleDataError(WorkReportError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid rule data:\n" + "\n".join(problems))
