"""The server's settings: one table with defaults and what each does (datasette SETTINGS style).

Kept apart from the web modules so that the CLI can show the defaults without importing FastAPI.
"""
from __future__ import annotations

from ..workers import DEFAULT_BUDGET as BUDGET

# One table of settings with their defaults and what they do (datasette SETTINGS style).
SETTINGS = (
    ("max_upload_bytes", 20 * 1024 * 1024, "largest file accepted by 导入 and 文稿体检"),
    ("page_size", 50, "reports per page on 报告库"),
    ("search_page_size", 20, "hits per page on 搜索"),
    ("allowed_types", ("txt", "html", "htm", "docx", "pdf"), "file types 导入 accepts"),
    ("allowed_hosts", (), "Host names besides 127.0.0.1/localhost/the bound address that requests may"
                          " carry (DNS rebinding guard); '*' for any"),
    ("allowed_origins", (), "origins besides this server's own allowed to write (e.g. https://proxy.example)"),
    ("parse_seconds", BUDGET.seconds, "wall-time budget for parsing one uploaded document (seconds)"),
    ("parse_memory_mb", BUDGET.memory_mb, "memory one document's parse may take (MB, address space of its process)"),
    ("parse_workers", 2, "documents parsed at once by the server; more uploads wait their turn"),
    ("threads", 16, "threads serving blocking requests (library reads, exports); uploads wait for their parse"
                    " on threads of their own, so they never hold these"),
)
DEFAULTS = {name: default for name, default, _ in SETTINGS}
