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


class FileError(WorkReportError):
    """Something wrong with one input file: ``FileError(path, *values)``; the values are kept
    as the attributes named in ``fields`` and the message is ``message`` filled with them."""

    status = 422
    fields: tuple[str, ...] = ()
    message = "{path}"

    def __init__(self, path: str, *values):
        self.path = path
        for name, value in zip(self.fields, values):
            setattr(self, name, value)
        super().__init__(self.describe())

    def describe(self) -> str:
        return self.message.format(path=self.path, **{f: getattr(self, f) for f in self.fields})


class InputNotFound(FileError):
    status = 404
    message = "{path}: no such file"


class NotAFile(FileError):
    status = 422
    message = "{path}: is a directory, not a file (use `workreport ingest` for folders)"


class EmptyInput(FileError):
    status = 422
    message = "{path}: the file is empty (no text to parse)"


class UnsupportedFormat(FileError):
    status = 415
    fields = ("detail",)
    detail = ""

    def describe(self) -> str:
        return f"{self.path}: unsupported or unrecognised format{': ' + self.detail if self.detail else ''}"


class DecodeError(FileError):
    status = 422
    fields = ("tried",)

    def describe(self) -> str:
        return (f"{self.path}: cannot decode the text as {', '.join(self.tried)}; "
                "pass --encoding NAME if you know the encoding")


class UnknownEncoding(DecodeError):
    status = 422
    fields = ("name", "known")

    @property
    def tried(self) -> tuple[str, ...]:
        return (self.name,)

    def describe(self) -> str:
        return (f"{self.path}: unknown text encoding {self.name!r}; use one of {', '.join(self.known)} "
                "(or another standard encoding name)")


class LimitExceeded(FileError):
    """Input past a reader's bound (``workreport.ingest.limits.Limits``), refused before it costs more."""

    status = 413
    fields = ("what", "value", "limit", "setting")

    def describe(self) -> str:
        def num(v):
            return f"{v:,.0f}" if isinstance(v, float) else f"{v:,}"

        return f"{self.path}: refused, {self.what} ({num(self.value)} > {num(self.limit)}; setting {self.setting})"


class BinaryInput(FileError):
    status = 415
    message = "{path}: looks like binary data, not text (txt, html, docx and pdf are supported)"


class TooLarge(FileError):
    status = 413
    fields = ("size", "limit")
    message = "{path}: {size} bytes is over the limit of {limit} bytes"


class CorruptFile(FileError):
    status = 422
    fields = ("detail",)
    message = "{path}: damaged or unreadable file: {detail}"


class NoTextLayer(FileError):
    status = 422
    message = "{path}: this PDF has no text layer (a scan); OCR is not available in this version"


class EncryptedFile(FileError):
    status = 422
    fields = ("kind",)
    kind = "file"
    message = "{path}: this {kind} is password-protected; save an unprotected copy and try again"


class ArchiveBomb(FileError):
    status = 413
    fields = ("detail",)
    message = "{path}: refused, the archive would expand beyond safe limits ({detail})"


class FormatMismatch(FileError):
    status = 415
    fields = ("claimed", "actual")
    message = "{path}: the name says {claimed} but the content is {actual}; rename the file to match its content"


class ConverterMissing(FileError):
    status = 415
    fields = ("detail",)
    message = "{path}: {detail}"


class NoReportFound(FileError):
    status = 422
    message = "{path}: no report text found to track"


class ParseFailed(FileError):
    """A bug in a parser met this file: reported with the file, not raised through the ingest."""

    status = 422
    fields = ("detail",)
    message = "{path}: {detail}"


class BudgetExceeded(FileError):
    """Parsing one document went past its budget (workers.Budget): the parse was stopped."""

    status = 422
    fields = ("what", "setting")
    message = "{path}: parsing stopped: it needed {what} (the per-document budget, setting {setting})"


class StoreError(WorkReportError):
    """The database file cannot be opened, is missing, or is not a workreport library."""

    status = 500

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        if status is not None:
            self.status = status


class ExportError(WorkReportError):
    """An unknown export format or table."""

    status = 422


class BatchError(WorkReportError):
    """A batch cannot run (no Java, no pyspark, a bad master URL) or a folder is not batch or
    Parquet export output."""

    status = 422


class RuleDataError(WorkReportError):
    status = 500

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid rule data:\n" + "\n".join(problems))


class LibraryNotFound(WorkReportError):
    """A command that reads a library was pointed at a file that does not exist (it is never
    created empty: an empty library answers every question with nothing, which looks like an
    answer)."""

    status = 404

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"这里没有报告库 {path}：先用 `workreport ingest 文件或文件夹 --db {path}` 建库，"
                         "或用 --db 指定已有的库")


class NotInLibrary(WorkReportError):
    """A report or document id the library does not hold."""

    status = 404


class EditError(WorkReportError):
    """A correction the closed vocabularies or the value ranges do not allow."""

    status = 422


class BadParameter(WorkReportError):
    """A request parameter outside its allowed values (a sort column, …)."""

    status = 422


class SettingError(WorkReportError):
    """A setting (CLI option, server setting) with a value that cannot work."""

    status = 422
