"""The USB exchange from the command line (DESIGN.md "Moving data on USB"):

    card export --out F          this office's card (code, name, public keys, fingerprint) for the other side
    card import F [--replace]    pin another office's card; a different key for a pinned office needs --replace
    export --to DIR [--for CODE] a signed, encrypted package of this office's records (prints the package path);
                                 the county sends to every township whose card is pinned, or to --for CODE
    import F [--dry-run]         a package (shows what would change, then applies it) or a receipt (.lqrcpt);
                                 exit 0 when applied or already present, 2 when refused
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.workbook import Workbook

EXIT_OK, EXIT_REFUSED = 0, 2


def add_parsers(subparsers: Any) -> None:
    card = subparsers.add_parser("card", help="单位卡片（公钥与指纹）的导出与导入")
    cards = card.add_subparsers(dest="card_action", metavar="操作", parser_class=type(card), required=True)
    c = cards.add_parser("export", help="导出本单位卡片")
    c.add_argument("--out", required=True, type=Path, help="卡片文件路径")
    c = cards.add_parser("import", help="导入对方单位的卡片")
    c.add_argument("file", type=Path, help="卡片文件")
    c.add_argument("--replace", action="store_true", help="确认替换已登记的、密钥不同的卡片")
    e = subparsers.add_parser("export", help="导出本单位数据包（签名并加密）")
    e.add_argument("--to", required=True, type=Path, help="目标文件夹（如U盘）")
    e.add_argument("--for", dest="recipient", help="接收单位代码（县里导出给某个乡镇时使用）")
    i = subparsers.add_parser("import", help="导入数据包或回执")
    i.add_argument("file", type=Path, nargs="+",
                   help="数据包（.lqpkg）或回执（.lqrcpt）；可一次给多个（如U盘上12个乡镇的数据包，只备份一次）")
    i.add_argument("--dry-run", action="store_true", help="只显示将发生的变化，不写入")


def _labels() -> dict[str, str]:
    from lingqiu_desktop.exchange.labels import TABLE_LABELS

    return TABLE_LABELS


def cmd_card(args: argparse.Namespace, wb: Workbook) -> int:
    from lingqiu_desktop.exchange.crypto import CardError, card_from_bytes

    if args.card_action == "export":
        data = wb.exchange.my_card()
        args.out.write_bytes(data)
        card = card_from_bytes(data)
        print(f"已导出{card.name}（{card.code}）的卡片：{args.out}")
        print(f"指纹：{card.fingerprint}（请通过电话向对方核对）")
        return EXIT_OK
    try:
        data = args.file.read_bytes()
        card = card_from_bytes(data)
        result = wb.exchange.import_card(data, replace=args.replace)
    except OSError as exc:
        raise ValidationError("卡片文件", f"无法读取：{exc.strerror or exc}") from None
    except CardError as exc:
        raise ValidationError("卡片", str(exc)) from None
    words = {"new": "已登记", "same": "已登记过，无变化", "replaced": "已替换（已记入审计日志）"}
    print(f"{card.name}（{card.code}）的卡片{words.get(result, result)}。指纹：{card.fingerprint}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, wb: Workbook) -> int:
    from lingqiu_desktop.exchange.package import PackageError

    try:
        results = wb.exchange.export(args.recipient, args.to)
    except PackageError as exc:
        raise ValidationError("导出", str(exc)) from None
    for result in results:
        total = sum(result.counts.values())
        print(result.path)
        print(f"  第{result.sequence}号，共 {total:,} 行，SHA-256 {result.sha256}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace, wb: Workbook) -> int:
    """One file: dry run, then apply. Several: receipts one by one, packages together after one backup
    (apply_all); a refused file is reported and the others go on. Exit 2 when any file was refused."""
    from lingqiu_desktop.exchange.package import PackageError, file_kind

    for path in args.file:
        if not path.is_file():
            raise ValidationError("文件", f"找不到文件：{path}")
    if len(args.file) == 1:
        return _import_one(args.file[0], args.dry_run, wb)
    outcomes: list[int] = []
    packages = []
    for path in args.file:
        try:
            is_receipt = file_kind(path.read_bytes()) == "receipt"
        except PackageError:
            is_receipt = False      # apply_all says why it is refused, in its place
        if is_receipt or args.dry_run:
            print(f"—— {path.name}")
            outcomes.append(_import_one(path, args.dry_run, wb))
        else:
            packages.append(path)
    for path, result in zip(packages, wb.exchange.apply_all(packages), strict=True):
        print(f"—— {path.name}")
        if isinstance(result, PackageError):
            print(f"已拒绝：{result}")
            outcomes.append(EXIT_REFUSED)
        else:
            print(result.message)
            outcomes.append(EXIT_OK)
    refused = outcomes.count(EXIT_REFUSED)
    print(f"共 {len(outcomes)} 个文件：{len(outcomes) - refused} 个已导入或已存在，{refused} 个被拒绝"
          "（被拒绝的没有写入任何数据）。")
    return EXIT_REFUSED if refused else EXIT_OK


def _import_one(path: Path, dry_run: bool, wb: Workbook) -> int:
    from lingqiu_desktop.exchange.package import PackageError, file_kind

    try:
        if file_kind(path.read_bytes()) == "receipt":
            if dry_run:
                print("回执只需导入，无需预演。")
                return EXIT_OK
            print(wb.exchange.import_receipt(path).message)
            return EXIT_OK
        plan = wb.exchange.inspect(path)
        _print_plan(plan)
        if dry_run or plan.status == "already":
            return EXIT_OK
        result = wb.exchange.apply(path)
    except PackageError as exc:
        print(f"已拒绝：{exc}")
        print("数据库未作任何改动。")
        return EXIT_REFUSED
    print(result.message)
    return EXIT_OK


def _print_plan(plan: Any) -> None:
    print(plan.message)
    if plan.status == "already":
        return
    labels = _labels()
    rows = [(table, change) for table, change in plan.plan.tables.items()
            if change.new or change.changed or change.removed or change.unchanged]
    if not rows:
        return
    print(f"{'数据':<10}{'新增':>8}{'修改':>8}{'删除':>8}{'不变':>9}")
    for table, change in rows:
        name = labels.get(table, table)
        pad = 10 - sum(2 if ord(ch) > 0x2E80 else 1 for ch in name) + len(name)
        print(f"{name:<{pad}}{change.new:>8}{change.changed:>8}{change.removed:>8}{change.unchanged:>9}")
