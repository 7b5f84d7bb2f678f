"""`workreport serve`: the web UI and JSON API over a library database."""
from __future__ import annotations

import click

from ..web.settings import DEFAULTS
from .base import budget_options, db_option, main


@main.command()
@db_option()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but 127.0.0.1 makes upload/ingest/delete need a token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--token", default=None, envvar="WORKREPORT_TOKEN",
              help="Token for write endpoints (env WORKREPORT_TOKEN); generated and printed when the "
                   "host is not 127.0.0.1 and none is given.")
@click.option("--data-dir", default=None, type=click.Path(file_okay=False),
              help="Folder where uploaded files are kept [default: 'uploads' next to the database].")
@click.option("--max-upload-mb", default=20, show_default=True, type=click.IntRange(1, 1024),
              help="Largest upload accepted, in MB.")
@click.option("--allow-host", "allowed_hosts", multiple=True,
              help="A Host name requests may carry besides 127.0.0.1/localhost and --host (repeatable; '*': any).")
@click.option("--allow-origin", "allowed_origins", multiple=True,
              help="An origin allowed to write besides this server's own, e.g. https://proxy.example (repeatable).")
@budget_options
@click.option("--parse-workers", default=DEFAULTS["parse_workers"], show_default=True, type=click.IntRange(1, 64),
              help="Uploads parsed at once (each in its own process).")
@click.option("--threads", default=DEFAULTS["threads"], show_default=True, type=click.IntRange(1, 256),
              help="Threads serving blocking requests.")
def serve(db, host, port, token, data_dir, max_upload_mb, allowed_hosts, allowed_origins, parse_seconds,
          parse_memory_mb, parse_workers, threads):
    """Serve the web UI (报告库, 搜索, 指标对比, 承诺跟踪, 文稿体检, 导入) and its JSON API.

    Pages at /; each page also answers JSON (under /api/…, or at its URL + .json).
    OpenAPI at /openapi.json, API docs at /docs.

    --db takes a library file or a postgresql:// URL (several servers can share one database).

    Example:

    \b
        workreport serve --db workreport.db
        workreport serve --db workreport.db --port 8080
    """
    import uvicorn

    from ..web.app import create_app

    if token is not None and not token.strip():
        raise click.BadParameter("an empty token would switch authentication off; give a token or none",
                                 param_hint="--token")
    app = create_app(db, host=host, token=token, data_dir=data_dir, max_upload_bytes=max_upload_mb * 1024 * 1024,
                     allowed_hosts=tuple(allowed_hosts), allowed_origins=tuple(allowed_origins),
                     parse_seconds=parse_seconds, parse_memory_mb=parse_memory_mb, parse_workers=parse_workers,
                     threads=threads)
    cfg = app.state.cfg
    click.echo(f"workreport：报告库 {cfg.db}，在 http://{host}:{port}/ 提供服务（接口文档：/docs）", err=True)
    if cfg.token_required and token is None:
        click.echo(f"写入令牌（导入、更正、删除时需要）：{cfg.token}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
