"""Uploaded files: read within the size limit, named safely, checked for type, kept on disk."""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from fastapi import HTTPException, UploadFile

from ..ingest import binary_kind
from .context import Config

_KINDS = {"png": "PNG 图片", "jpeg": "JPEG 图片", "gif": "GIF 图片", "tiff": "TIFF 图片", "bmp": "BMP 图片",
          "webp": "WebP 图片", "ico": "图标文件", "gzip": "压缩包", "7z": "压缩包", "rar": "压缩包", "bzip2": "压缩包",
          "xz": "压缩包", "program": "程序文件", "audio": "音频文件", "video": "视频文件"}
_SAFE = re.compile(r"[^\w.\-\u3400-\u9fff（）()]+")


def safe_name(filename: str) -> str:
    """Basename only, harmless characters only: no path can be smuggled through a filename."""
    base = os.path.basename((filename or "").replace("\\", "/"))
    base = _SAFE.sub("_", base).lstrip(".")[:120]
    return base or "upload"


async def read_limited(cfg: Config, upload: UploadFile) -> bytes:
    limit = cfg.max_upload_bytes
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"{upload.filename}: 超过上限 {limit} 字节")
    return data


def refuse_unreadable(cfg: Config, data: bytes, filename: str, *, need_ext: bool = False) -> str:
    """Refuse, before any parser sees it, what is no draft: another file type by its name, a
    picture, archive or program by its content (a PNG read as GB18030 text is noise, not a
    draft), a .docx or .pdf that is not one.  The safe name when it passes."""
    name = safe_name(filename)
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = binary_kind(data)
    if kind:
        raise HTTPException(415, f"{name}: 这是 {_KINDS.get(kind, '二进制文件')}，不是文稿；"
                                 f"请粘贴文字或上传 {', '.join(cfg.allowed_types)} 文件")
    if (ext or need_ext) and ext not in cfg.allowed_types:
        raise HTTPException(415, f"{name}: 只接受 {', '.join(cfg.allowed_types)} 文件")
    if ext == "docx" and not data.startswith(b"PK\x03\x04"):
        raise HTTPException(415, f"{name}: 不是有效的 docx 文件")
    if ext == "pdf" and not data.startswith(b"%PDF-"):
        raise HTTPException(415, f"{name}: 不是有效的 pdf 文件")
    if not data.strip():
        raise HTTPException(422, f"{name}: 文件是空的")
    return name


def store_upload(cfg: Config, data: bytes, filename: str) -> Path:
    """Keep an upload under ``cfg.data_dir`` as ``<sha256[:12]>-<safe name>``; refuse what the
    import does not take before any parser sees it."""
    name = refuse_unreadable(cfg, data, filename, need_ext=True)
    folder = cfg.data_dir
    folder.mkdir(parents=True, exist_ok=True)
    target = (folder / f"{hashlib.sha256(data).hexdigest()[:12]}-{name}").resolve()
    if target.parent != folder:  # belt and braces on top of safe_name
        raise HTTPException(422, "非法文件名")
    if not target.exists():
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, target)
    return target
