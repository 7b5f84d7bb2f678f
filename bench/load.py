"""A bounded HTTP load against a workreport server on this machine (loopback only).

``clients`` connections (HTTP/1.1 keep-alive, asyncio, no third-party client: the load generator
must cost little next to the server on a 2-core machine) each send GET requests from ``paths`` in
turn until ``requests`` have been sent in all or ``seconds`` have passed, whichever comes first.
Prints (and returns) requests/s, latency percentiles, status counts.

    python bench/load.py --port 8765 --clients 50 --requests 2000 --path '/api/search?q=发展'

Refuses any host that is not a loopback address: a load test here never leaves the machine.
"""
from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import statistics
import sys
import time
from urllib.parse import quote, urlsplit

MAX_SECONDS = 120.0
MAX_REQUESTS = 100_000


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _encode(path: str) -> str:
    """Percent-encode the non-ASCII of a path + query (safe characters kept)."""
    return quote(path, safe="/?&=%:+,;@-._~")


async def _client(host: str, port: int, paths: list[str], state: dict, offset: int) -> None:
    reader = writer = None
    i = offset
    while True:
        if state["sent"] >= state["limit"] or time.monotonic() >= state["deadline"]:
            break
        state["sent"] += 1
        path = paths[i % len(paths)]
        i += 1
        t0 = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            length, close = 0, False
            for line in lines[1:]:
                k, _, v = line.partition(":")
                if k.lower() == "content-length":
                    length = int(v)
                elif k.lower() == "connection" and v.strip().lower() == "close":
                    close = True
            await reader.readexactly(length)
            if close:
                writer.close()
                reader = writer = None
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            status = f"{type(exc).__name__}"
            if writer is not None:
                writer.close()
            reader = writer = None
        state["lat"].append(time.perf_counter() - t0)
        state["status"][str(status)] = state["status"].get(str(status), 0) + 1
    if writer is not None:
        writer.close()


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


async def run_load(url: str, paths: list[str], *, clients: int = 50, requests: int = 2000,
                   seconds: float = 30.0) -> dict:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    if not _loopback(host):
        raise SystemExit(f"refused: {host} is not a loopback address")
    seconds, requests = min(float(seconds), MAX_SECONDS), min(int(requests), MAX_REQUESTS)
    paths = [_encode(p) for p in paths]
    state = {"sent": 0, "limit": requests, "deadline": time.monotonic() + seconds, "lat": [], "status": {}}
    t0 = time.perf_counter()
    await asyncio.gather(*(_client(host, port, paths, state, k) for k in range(clients)))
    wall = time.perf_counter() - t0
    lat = state["lat"]
    ok = state["status"].get("200", 0)
    return {
        "clients": clients, "requests": len(lat), "seconds": round(wall, 2),
        "rps": round(len(lat) / wall, 1) if wall else 0.0,
        "p50_ms": round(_pct(lat, 50) * 1000, 1), "p95_ms": round(_pct(lat, 95) * 1000, 1),
        "p99_ms": round(_pct(lat, 99) * 1000, 1), "max_ms": round(max(lat, default=0) * 1000, 1),
        "mean_ms": round(statistics.fmean(lat) * 1000, 1) if lat else 0.0,
        "status": state["status"], "errors": len(lat) - ok,
    }


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default=None, help="http://127.0.0.1:PORT (loopback only)")
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--path", action="append", default=None,
                    help="request path (repeatable; default: searches for a few common words)")
    a = ap.parse_args(argv)
    url = a.url or f"http://127.0.0.1:{a.port}"
    paths = a.path or [f"/api/search?q={w}" for w in DEFAULT_WORDS]
    res = asyncio.run(run_load(url, paths, clients=a.clients, requests=a.requests, seconds=a.seconds))
    json.dump(res, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return res


# words of the genre (any report has them), one and several characters long
DEFAULT_WORDS = ("发展", "经济", "安全", "改革", "建设", "生态环境", "民生", "创新", "服务", "就业", "乡村振兴", "城",
                 "高质量发展", "营商环境", "财政")

if __name__ == "__main__":
    main()
