"""The command line: `python main.py [--db PATH] COMMAND`, over the same Workbook as the GUI.

Exit status: 0 success, 2 input refused (a Chinese message on stderr), 1 an unexpected failure.
No command imports PySide6: the GUI is imported only when no command is given.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from lingqiu_desktop import APP_NAME, cli_exchange, cli_print, cli_review
from lingqiu_desktop.paths import default_db_path

from lingqiu_desktop.core.offices import office_name
from lingqiu_desktop.core.validation import ValidationError

from lingqiu_desktop.data.database import DatabaseError
from lingqiu_desktop.data.store import NotFoundError, NotOwnedError

from lingqiu_desktop.workbook import REFERENCE_DATE_KEY, Workbook

DEMO_REFERENCE_DATE = "2018-11-30"  # the last day of the demo records: the working date on a demo database

EXIT_OK, EXIT_FAILURE, EXIT_REFUSED = 0, 1, 2


class Refused(Exception):
    """Input the program will not accept; the message is for the user."""


# argparse's own words, in Chinese (it looks them up through gettext at call time via argparse._)
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid %(type)s value: %(value)r": "无效的值 %(value)r（应为 %(type)s）",
    "expected one argument": "需要一个值",
    "one of the arguments %s is required": "以下参数必须给出其中一个：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "invalid int value: %r": "不是整数：%r",
}
argparse._ = lambda text: _ARGPARSE_ZH.get(text, text)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise Refused(f"命令参数有误：{message}（运行 python main.py --help 查看用法）")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description=f"{APP_NAME}。不带命令运行时打开图形界面。")
    parser.add_argument("--db", type=Path, help="数据库文件路径（默认在用户数据目录）")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    p = sub.add_parser("init", help="初始化本单位数据库")
    p.add_argument("--office", required=True, help="单位代码：县 140224 或12个乡镇的9位代码")
    p = sub.add_parser("demo", help="填充演示数据")
    p.add_argument("--scale", choices=["township", "county"], default="township")
    p.add_argument("--seed", type=int, default=1)
    p = sub.add_parser("stats", help="统计各类记录的行数")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    sub.add_parser("check", help="检查数据库完整性与外键")
    cli_review.add_parser(sub)
    cli_print.add_parsers(sub)
    cli_exchange.add_parsers(sub)
    return parser


def _open(args: argparse.Namespace) -> Workbook:
    return Workbook.open(args.db or default_db_path())


def cmd_init(args: argparse.Namespace) -> int:
    path = args.db or default_db_path()
    with Workbook.create(path, args.office) as wb:
        print(f"已初始化：{wb.office_name}（{wb.office_code}），数据库 {path}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from lingqiu_desktop.data import demo

    with _open(args) as wb:
        if args.scale == "county" and not wb.is_county:
            raise Refused(f"全县规模的演示数据只能生成在县级数据库中，本库是{wb.office_name}。")
        size = demo.COUNTY if args.scale == "county" else demo.TOWNSHIP
        started = time.perf_counter()
        counts = demo.generate(wb.db, wb.office_code, size, seed=args.seed, progress=_progress_printer())
        wb.settings.set(REFERENCE_DATE_KEY, DEMO_REFERENCE_DATE)
        seconds = time.perf_counter() - started
    print(file=sys.stderr)
    print(f"演示数据已生成（{seconds:.1f} 秒）：" + "，".join(f"{k} {v}" for k, v in counts.items() if v))
    print(f"工作日期已设为 {DEMO_REFERENCE_DATE}（演示数据的最后一天），可在“系统设置”中改回今天。")
    return EXIT_OK


def _progress_printer() -> Callable[[int, int, str], bool]:
    def report(done: int, total: int, label: str) -> bool:
        percent = 100 * done // max(total, 1)
        print(f"\r{label} {percent:3d}%", end="", file=sys.stderr, flush=True)
        return True
    return report


def cmd_stats(args: argparse.Namespace) -> int:
    with _open(args) as wb:
        stats = wb.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{stats['office_name']}（{stats['office']}）  数据库版本 {stats['schema_version']}")
    for table, info in stats["tables"].items():
        owners = "，".join(f"{office_name(o)} {n}" for o, n in info["by_owner"].items())
        print(f"{table:<20} {info['total']:>9}  {owners}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with _open(args) as wb:
        problems = wb.check()
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"数据库检查发现 {len(problems)} 个问题。", file=sys.stderr)
        return EXIT_FAILURE
    print("数据库检查通过：完整性与外键均正常。")
    return EXIT_OK


def _with_workbook(command: Callable[[argparse.Namespace, Workbook], int]) -> Callable[[argparse.Namespace], int]:
    def run_command(args: argparse.Namespace) -> int:
        with _open(args) as wb:
            return command(args, wb)
    return run_command


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init, "demo": cmd_demo, "stats": cmd_stats, "check": cmd_check,
    "review": _with_workbook(cli_review.cmd_review), "print": _with_workbook(cli_print.cmd_print),
    "verify": _with_workbook(cli_print.cmd_verify), "card": _with_workbook(cli_exchange.cmd_card),
    "export": _with_workbook(cli_exchange.cmd_export), "import": _with_workbook(cli_exchange.cmd_import),
}


def run(argv: Sequence[str]) -> int:
    """Parse and run one command; the exit status follows the module docstring."""
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except (Refused, ValidationError, DatabaseError, NotFoundError, NotOwnedError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading: not a failure of the command
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep interpreter shutdown from flushing into the pipe
        return EXIT_OK
    except KeyboardInterrupt:
        print("\n已取消。", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # noqa: BLE001 - the last guard: report, never a bare traceback
        import traceback

        traceback.print_exc()
        print(f"程序内部错误：{exc}", file=sys.stderr)
        return EXIT_FAILURE


def has_command(argv: Sequence[str]) -> bool:
    """True when argv names a command (or asks for help); otherwise main.py opens the GUI."""
    rest = list(argv)
    while rest:
        head = rest.pop(0)
        if head in ("-h", "--help") or head in COMMANDS:
            return True
        if head == "--db":
            if rest:
                rest.pop(0)
        elif head.startswith("--db="):
            continue
        else:
            return True  # unknown words go to the CLI, which explains them
    return False
