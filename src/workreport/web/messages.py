"""Framework errors in Chinese: FastAPI/pydantic validation errors and Starlette's HTTP errors say
what is wrong in English; a user of this product reads Chinese.  Each pydantic error ``type``
gets a sentence of its own, filled from the error's ``ctx``; an unknown type still names the
parameter."""
from __future__ import annotations

import re
from typing import Any

_WHERE = {"query": "查询参数", "path": "路径参数", "body": "表单字段", "header": "请求头", "cookie": "Cookie"}

_TYPES = {
    "missing": "必须填写",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "bool_parsing": "应为 true 或 false",
    "string_type": "应为文字",
    "string_too_short": "至少 {min_length} 个字符",
    "string_too_long": "最多 {max_length} 个字符",
    "string_pattern_mismatch": "格式不对（应符合 {pattern}）",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应不小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "literal_error": "只能是 {expected} 之一",
    "enum": "只能是 {expected} 之一",
    "list_type": "应为列表",
    "too_long": "最多 {max_length} 项",
    "json_invalid": "不是有效的 JSON",
    "model_attributes_type": "格式不对",
    "dict_type": "格式不对",
    "value_error": "取值不对",
}

_HTTP = {
    400: "请求有误",
    401: "需要登录或令牌",
    403: "没有权限",
    404: "找不到这个页面或数据",
    405: "不接受这种请求方法",
    406: "无法给出所要求的格式",
    408: "请求超时",
    409: "与现有数据冲突",
    411: "缺少内容长度",
    413: "上传内容过大",
    414: "网址过长",
    415: "不支持的内容类型",
    422: "请求参数不正确",
    429: "请求过于频繁，请稍后再试",
    500: "服务器内部错误",
    503: "服务暂时不可用",
}


def _name(loc: Any) -> str:
    parts = [str(x) for x in (loc or ()) if not isinstance(x, int)]
    where = _WHERE.get(parts[0], "") if parts else ""
    name = ".".join(parts[1:] if where else parts) or "请求"
    return f"{where} {name}".strip()


_CHOICES = re.compile(r"^\^(-\?)?\(([\w|]+)\)\$$")


def _pattern(pattern: str) -> str | None:
    """A pattern that is a list of words (``^-?(org|level)$``) said as the list."""
    m = _CHOICES.match(pattern or "")
    if not m:
        return None
    return f"只能是 {'、'.join(m.group(2).split('|'))} 之一" + ("（前加 - 为降序）" if m.group(1) else "")


def validation_message(errors: list[dict]) -> str:
    """One Chinese sentence for pydantic's errors: ``请求参数不正确：查询参数 limit 应不大于 500``."""
    parts = []
    for e in errors:
        ctx = {k: _show(v) for k, v in (e.get("ctx") or {}).items()}
        template = _TYPES.get(e.get("type", ""), "取值不对")
        if e.get("type") == "string_pattern_mismatch" and _pattern(str((e.get("ctx") or {}).get("pattern", ""))):
            template = _pattern(str(e["ctx"]["pattern"]))
        try:
            what = template.format(**ctx)
        except (KeyError, IndexError):
            what = "取值不对"
        parts.append(f"{_name(e.get('loc'))} {what}")
    return "请求参数不正确：" + "；".join(dict.fromkeys(parts))


def _show(v: Any) -> str:
    # pydantic's "'csv' or 'xlsx'" reads as English; list the choices with Chinese punctuation
    s = str(v)
    return s.replace("' or '", "、").replace("', '", "、").strip("'")


def http_message(status: int, detail: str | None, path: str, method: str) -> str:
    """Starlette's stock English details replaced; a detail written by a route is kept."""
    stock = {"Not Found", "Method Not Allowed", "Bad Request", "Unauthorized", "Forbidden", "Unprocessable Entity",
             "Internal Server Error", "Request Entity Too Large", "Too Many Requests", "Content Too Large",
             "Payload Too Large", "Unsupported Media Type", "Not Acceptable", "Request Timeout"}
    if detail and detail not in stock:
        return detail
    if status == 404:
        return f"找不到 {path}"
    if status == 405:
        return f"{path} 不接受 {method} 请求"
    return _HTTP.get(status, f"请求未能完成（{status}）")
