"""The verification stamp printed as a QR code on every document, and the comparison `verify` reports.

A document's *content* is a plain dict of exactly what is printed, keyed by the Chinese labels a reader sees
({"标题": …, "指标": [{"指标名称": …, "目标值": …}, …]}). Its digest is the SHA-256 of the canonical JSON; the QR code
holds `LQFP1|kind|record key|params|digest` (ASCII, so any phone scanner reads it). `changes()` lists, in Chinese,
what differs between the printed content and the content the data gives today.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

PREFIX = "LQFP1"
DIGEST_CHARS = 24        # 96 bits of SHA-256: enough to tell any change, short enough for a small QR code
_FIELD = re.compile(r"^[A-Za-z0-9_\-.:@]*$")


class StampError(ValueError):
    """The text is no stamp of this program."""


def canonical(content: Any) -> str:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def digest(content: Any) -> str:
    return hashlib.sha256(canonical(content).encode("utf-8")).hexdigest()[:DIGEST_CHARS]


@dataclass(frozen=True)
class Stamp:
    kind: str
    key: str
    params: str
    digest: str

    @property
    def text(self) -> str:
        return "|".join((PREFIX, self.kind, self.key, self.params, self.digest))

    @classmethod
    def of(cls, kind: str, key: str, params: str, content: Any) -> Stamp:
        for value in (kind, key, params):
            if not _FIELD.match(value):
                raise StampError(f"核验码只能含字母、数字和 _-.:@：{value}")
        return cls(kind, key, params, digest(content))


def parse_stamp(text: str) -> Stamp:
    parts = text.strip().split("|")
    if len(parts) != 5 or parts[0] != PREFIX:
        raise StampError("这不是本系统打印的核验码（应以 LQFP1| 开头，共五段）")
    _prefix, kind, key, params, dig = parts
    if not kind or not key or not re.fullmatch(f"[0-9a-f]{{{DIGEST_CHARS}}}", dig):
        raise StampError("核验码不完整或已损坏")
    if not all(_FIELD.match(v) for v in (kind, key, params)):
        raise StampError("核验码含有不应出现的字符")
    return Stamp(kind, key, params, dig)


def _show(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def changes(printed: Any, current: Any, path: str = "") -> list[str]:
    """What differs, one Chinese line per change: '指标 第3行「目标值」：由 95 改为 98'."""
    if isinstance(printed, dict) and isinstance(current, dict):
        lines: list[str] = []
        for key in list(printed) + [k for k in current if k not in printed]:
            where = f"{path}「{key}」" if path else f"「{key}」"
            if key not in current:
                lines.append(f"{where}：打印时有，现在没有")
            elif key not in printed:
                lines.append(f"{where}：现在新增为 {_show(current[key])}")
            else:
                lines += changes(printed[key], current[key], where)
        return lines
    if isinstance(printed, list) and isinstance(current, list):
        lines = []
        for i in range(max(len(printed), len(current))):
            where = f"{path} 第{i + 1}行"
            if i >= len(current):
                lines.append(f"{where}：已删除（打印时为 {_summary(printed[i])}）")
            elif i >= len(printed):
                lines.append(f"{where}：新增 {_summary(current[i])}")
            else:
                lines += changes(printed[i], current[i], where)
        return lines
    if printed != current:
        return [f"{path or '内容'}：由 {_show(printed)} 改为 {_show(current)}"]
    return []


def _summary(row: Any) -> str:
    if isinstance(row, dict):
        return "，".join(f"{k} {_show(v)}" for k, v in list(row.items())[:3])
    return _show(row)
