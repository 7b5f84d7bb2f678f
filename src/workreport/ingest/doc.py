"""Word 97-2003 .doc: converted to .docx by LibreOffice headless, then read as .docx.

An OLE2 container is also what password-protected .docx/.xlsx files are (an
``EncryptedPackage`` stream inside); those are refused with a clear message instead.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from ..errors import ConverterMissing, CorruptFile, EncryptedFile
from ..model import Document
from .limits import Limits

CONVERT_TIMEOUT = 180  # seconds; soffice starts slowly the first time it builds its profile
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(data: bytes, path: str, sha256: str, limits: Limits | None = None) -> Document:
    if _ENCRYPTED in data[:1 << 20] or _ENCRYPTED in data[-(1 << 20):]:
        raise EncryptedFile(path, "Office document")
    soffice = find_soffice()
    if soffice is None:
        raise ConverterMissing(
            path,
            "this is a Word 97-2003 .doc file; reading it needs LibreOffice (`soffice`), which is not "
            "installed. Install it (Debian: apt-get install libreoffice-writer-nogui) or save the file as .docx",
        )
    from .docx import read_docx

    with tempfile.TemporaryDirectory(prefix="workreport-doc-") as tmp:
        src = os.path.join(tmp, "input.doc")
        with open(src, "wb") as fh:
            fh.write(data)
        cmd = [soffice, "--headless", "--norestore", "--nologo", f"-env:UserInstallation=file://{tmp}/profile",
               "--convert-to", "docx", "--outdir", tmp, src]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise CorruptFile(path, f"LibreOffice did not convert the .doc within {CONVERT_TIMEOUT} s") from exc
        out = os.path.join(tmp, "input.docx")
        if proc.returncode != 0 or not os.path.exists(out):
            detail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip().splitlines()
            raise CorruptFile(path, "LibreOffice could not convert the .doc" + (f" ({detail[-1]})" if detail else ""))
        with open(out, "rb") as fh:
            converted = fh.read()
    return read_docx(converted, path, sha256, limits=limits)
