"""`python main.py print …` and `python main.py verify TEXT`: the printed documents from the command line.

    print letter --id ID --out F                       军令状/目标责任书
    print sheet --village CODE | --team ID | --township CODE [--year Y] --out F
    print sheet --all [--year Y] --out DIR [--one-file]  every village's 责任清单 (a folder, or one PDF)
    print signin --training ID --out F                  培训签到表;  print training --training ID --out F  培训记录
    print visit --id ID --out F                         one 入户走访记录表
    print visits --household ID [--from D --to D] --out F
    print attendance --team ID --month 2018-06 --out F   (--all: every team that month, into a folder)
    print circular --quarter 2018Q2 --out F             季度通报 of this office's units
    print households --village CODE [--public] --out F  花名册 (internal) or 公示名单 (masked)
    verify TEXT                                         the text of a document's QR code
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from lingqiu_desktop.core.offices import COUNTY_CODE
from lingqiu_desktop.core.validation import ValidationError, parse_date, parse_month

from lingqiu_desktop.workbook import Workbook

EXIT_OK, EXIT_REFUSED = 0, 2


def add_parsers(subparsers: Any) -> None:
    p = subparsers.add_parser("print", help="生成打印用的 PDF 文档（责任书、责任清单、签到表、走访记录、考勤表、通报）")
    docs = p.add_subparsers(dest="document", metavar="文档", parser_class=type(p), required=True)
    d = docs.add_parser("letter", help="目标责任书/军令状")
    d.add_argument("--id", required=True, help="责任书编号")
    d = docs.add_parser("sheet", help="责任清单/考核表（村、工作队或乡镇）")
    scope = d.add_mutually_exclusive_group(required=True)
    scope.add_argument("--village", help="村的12位区划代码")
    scope.add_argument("--team", help="工作队编号")
    scope.add_argument("--township", help="乡镇的9位代码")
    scope.add_argument("--all", action="store_true", help="本单位所有村，每村一份")
    d.add_argument("--year", help="年度，如 2018（默认为工作日期所在年）")
    d = docs.add_parser("signin", help="培训签到表（培训前打印）")
    d.add_argument("--training", required=True, help="培训编号")
    d = docs.add_parser("training", help="培训记录（培训后打印）")
    d.add_argument("--training", required=True, help="培训编号")
    d = docs.add_parser("visit", help="一次入户走访记录表")
    d.add_argument("--id", required=True, help="走访记录编号")
    d = docs.add_parser("visits", help="一户在一段时间内的走访记录")
    d.add_argument("--household", required=True, help="贫困户编号或户主身份证号")
    d.add_argument("--from", dest="date_from", help="起始日期，如 2018-01-01")
    d.add_argument("--to", dest="date_to", help="截止日期，如 2018-06-30")
    d = docs.add_parser("attendance", help="驻村工作队月度考勤表")
    team = d.add_mutually_exclusive_group(required=True)
    team.add_argument("--team", help="工作队编号")
    team.add_argument("--all", action="store_true", help="当月在岗的所有工作队")
    d.add_argument("--month", required=True, help="月份，如 2018-06")
    d = docs.add_parser("circular", help="季度点评通报")
    d.add_argument("--quarter", required=True, help="季度，如 2018Q2")
    d = docs.add_parser("households", help="贫困户花名册或公示名单")
    d.add_argument("--village", required=True, help="村的12位区划代码")
    d.add_argument("--public", action="store_true", help="公示用：身份证号、电话、银行账号打码")
    for parser in docs.choices.values():
        parser.add_argument("--out", required=True, type=Path, help="输出的 PDF 文件（批量时为文件夹）")
        parser.add_argument("--one-file", action="store_true", help="批量时合并为一个 PDF 文件")
    v = subparsers.add_parser("verify", help="核验纸质文档：输入文档二维码中的文字")
    v.add_argument("text", help="二维码文字（以 LQFP1| 开头）")


def _year(args: argparse.Namespace, wb: Workbook) -> str:
    if not args.year:
        return str(wb.today().year)
    if not (args.year.isdigit() and 2000 <= int(args.year) <= 2100):
        raise ValidationError("年度", f"应为四位年份，如 2018，而不是“{args.year}”")
    return args.year


def _date_range(args: argparse.Namespace) -> str:
    start = parse_date(args.date_from, "起始日期", allow_future=True).isoformat() if args.date_from else ""
    end = parse_date(args.date_to, "截止日期", allow_future=True).isoformat() if args.date_to else ""
    if start and end and start > end:
        raise ValidationError("起始日期", "不能晚于截止日期")
    return f"{start}:{end}"


def target(args: argparse.Namespace, wb: Workbook) -> tuple[str, str | None, str]:
    """(kind, key or None for a batch, params) for the parsed `print` command."""
    doc = args.document
    if doc == "letter":
        return "letter", args.id, ""
    if doc == "sheet":
        for scope in ("village", "team", "township"):
            if getattr(args, scope):
                return f"sheet-{scope}", getattr(args, scope), _year(args, wb)
        return "sheet-village", None, _year(args, wb)
    if doc in ("signin", "training"):
        return doc, args.training, ""
    if doc == "visit":
        return "visit", args.id, ""
    if doc == "visits":
        return "visits", args.household, _date_range(args)
    if doc == "attendance":
        return "attendance", None if args.all else args.team, parse_month(args.month, "月份")
    if doc == "circular":
        return "circular", COUNTY_CODE if wb.is_county else wb.office_code, args.quarter
    return "households", args.village, "public" if args.public else "internal"


def cmd_print(args: argparse.Namespace, wb: Workbook) -> int:
    from lingqiu_desktop.documents.fonts import FontError
    from lingqiu_desktop.printing.service import PrintError

    kind, key, params = target(args, wb)
    try:
        if key is None:
            return _batch(wb, kind, params, args.out, args.one_file)
        printout = wb.printing.save(kind, key, params, args.out)
    except (PrintError, FontError) as exc:
        raise ValidationError("打印", str(exc)) from None
    print(f"已生成：{args.out}（{printout.printable.title}，{len(printout.pdf) // 1024 + 1} KB）")
    print(f"核验码：{printout.stamp.text}")
    return EXIT_OK


def _batch(wb: Workbook, kind: str, params: str, out: Path, one_file: bool) -> int:
    def report(done: int, total: int, what: str) -> None:
        print(f"\r{done}/{total} {what[:30]:<30}", end="", file=sys.stderr, flush=True)

    result = wb.printing.batch(kind, params, out, one_file, progress=report)
    print(file=sys.stderr)
    where = out if one_file else f"文件夹 {out}（{len(result.files)} 个文件）"
    print(f"已生成 {result.documents} 份：{where}")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace, wb: Workbook) -> int:
    result = wb.printing.verify(args.text)
    for line in result.lines:
        print(line)
    return EXIT_OK if result.ok else EXIT_REFUSED
