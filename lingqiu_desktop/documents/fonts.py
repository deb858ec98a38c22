"""Finding and registering the CJK fonts a printed document uses (DESIGN.md "Printing").

Look-up order for each role (title, body, heading, kai, song), as the issue fixes it:
1. the official fonts installed on the PC (Windows simfang/simhei/simkai/simsun, 方正小标宋 …);
2. the fonts shipped in resources/fonts, each with its licence file beside it;
3. the system's CJK fonts (WenQuanYi, Droid Sans Fallback, AR PL …).
reportlab embeds TrueType fonts as subsets by itself; it refuses CFF outlines (Noto CJK .otf), so a file it cannot read
is skipped, not fatal. No Qt here: the CLI prints too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from lingqiu_desktop.paths import resource_path

# Official font files per role, best first (file names compared case-insensitively).
OFFICIAL: dict[str, tuple[str, ...]] = {
    "title": ("FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXBSK.TTF", "FZXiaoBiaoSong-B05S.ttf", "simhei.ttf",
              "STZHONGS.TTF"),
    "body": ("simfang.ttf", "仿宋_GB2312.ttf", "FangSong_GB2312.ttf", "fsgb2312.ttf", "STFANGSO.TTF"),
    "heading": ("simhei.ttf", "黑体.ttf", "STHEITI.TTF", "msyh.ttc", "msyh.ttf"),
    "kai": ("simkai.ttf", "楷体_GB2312.ttf", "KaiTi_GB2312.ttf", "STKAITI.TTF"),
    "song": ("simsun.ttc", "simsun.ttf", "宋体.ttf", "STSONG.TTF", "NSimSun.ttf"),
}
ROLES = tuple(OFFICIAL)
ROLE_LABELS = {"title": "标题（小标宋）", "body": "正文（仿宋）", "heading": "一级标题（黑体）",
               "kai": "二级标题（楷体）", "song": "页码与表格（宋体）"}
# TrueType CJK fonts a Linux system may carry (Debian package names in the comments).
SYSTEM_CJK = ("wqy-microhei.ttc",          # fonts-wqy-microhei
              "wqy-zenhei.ttc",            # fonts-wqy-zenhei
              "DroidSansFallbackFull.ttf",  # fonts-droid-fallback
              "uming.ttc", "ukai.ttc",      # fonts-arphic-uming / -ukai
              "NotoSansCJK-Regular.ttc", "NotoSerifCJK-Regular.ttc")  # CFF: tried, usually refused by reportlab
SOURCE_LABELS = {"official": "本机公文字体", "shipped": "随程序字体", "system": "系统字体"}


class FontError(RuntimeError):
    """No usable CJK font: the message tells the clerk what to install."""

    def __init__(self) -> None:
        super().__init__(
            "找不到可以打印中文的字体。请在本机安装仿宋、黑体等公文字体（如 simfang.ttf、simhei.ttf），"
            "或把程序自带的 resources/fonts 文件夹（文泉驿微米黑）放回程序目录后再打印。")


@dataclass(frozen=True)
class FontChoice:
    role: str
    path: Path
    source: str          # official / shipped / system
    name: str            # the name registered with reportlab

    @property
    def description(self) -> str:
        return f"{ROLE_LABELS[self.role]}：{self.path.name}（{SOURCE_LABELS[self.source]}）"


@dataclass(frozen=True)
class FontSet:
    title: str
    body: str
    heading: str
    kai: str
    song: str
    choices: tuple[FontChoice, ...]

    def describe(self) -> list[str]:
        return [c.description for c in self.choices]


def official_dirs() -> list[Path]:
    """Where a PC keeps its installed fonts: Windows' two folders, then the usual Unix ones."""
    dirs: list[Path] = []
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    dirs += [Path.home() / ".local/share/fonts", Path.home() / ".fonts", Path("/usr/local/share/fonts"),
             Path("/usr/share/fonts"), Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    return dirs


def shipped_dir() -> Path:
    return resource_path("fonts")


def _index(dirs: Iterable[Path]) -> dict[str, Path]:
    """Lower-cased file name → first path found, walking each folder (font folders are small)."""
    found: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for root, _subdirs, files in os.walk(folder):
            for name in files:
                found.setdefault(name.lower(), Path(root) / name)
    return found


def _shipped(folder: Path) -> list[Path]:
    """Fonts in resources/fonts that have their licence file beside them (LICENSE-<stem>.txt)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in (".ttf", ".ttc") and (folder / f"LICENSE-{p.stem}.txt").exists())


@cache
def _load(path: Path) -> str | None:
    """Register one file with reportlab once; None when reportlab cannot use it (CFF outlines, damaged file)."""
    name = f"LQ-{path.stem}-{abs(hash(str(path))) % 10_000}"
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    except (TTFError, OSError, ValueError, KeyError):
        return None
    return name


def _candidates(role: str, official: dict[str, Path], shipped: Sequence[Path],
                system: dict[str, Path]) -> Iterable[tuple[Path, str]]:
    for file_name in OFFICIAL[role]:
        if file_name.lower() in official:
            yield official[file_name.lower()], "official"
    for path in shipped:
        yield path, "shipped"
    for file_name in SYSTEM_CJK:
        if file_name.lower() in system:
            yield system[file_name.lower()], "system"


def find_fonts(official: Sequence[Path] | None = None, shipped: Path | None = None,
               system: Sequence[Path] | None = None) -> FontSet:
    """Choose and register a font for every role; FontError when no CJK font at all can be used."""
    official_index = _index(official if official is not None else official_dirs())
    shipped_files = _shipped(shipped if shipped is not None else shipped_dir())
    # by default the system's fonts live in the same folders: walk them once
    system_index = official_index if system is None and official is None else _index(
        system if system is not None else official_dirs())
    chosen: dict[str, FontChoice] = {}
    for role in ROLES:
        for path, source in _candidates(role, official_index, shipped_files, system_index):
            name = _load(path)
            if name:
                chosen[role] = FontChoice(role, path, source, name)
                break
        else:
            raise FontError()
    return FontSet(**{role: chosen[role].name for role in ROLES}, choices=tuple(chosen.values()))


@cache
def default_fonts() -> FontSet:
    """The fonts of this PC, found once per process."""
    return find_fonts()
