"""数据交换 › 导入数据包: pick a package (or a receipt, at a township) found on a USB stick or anywhere; the dry run
shows the sender, the package number and date, and per table how many rows are new, changed, removed and unchanged;
确认导入 applies it in one transaction after a backup. A refused file shows the reason in red and nothing is written.
全部导入 applies every package listed (the county's 12 from one stick) after ONE backup, skipping those already
imported; a refused one is listed with its reason and the others go on. 取消 stops a running import: the package
being written is rolled back whole, those finished before it stay.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lingqiu_desktop.core.offices import office_name

from lingqiu_desktop.exchange.package import PackageError
from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.exchange_plan import KINDS, PlanTable, changes_of, field, totals, when
from lingqiu_desktop.gui.exchange_worker import Runner, packages_in, removable_drives, with_progress
from lingqiu_desktop.gui.printing import documents_folder

ALREADY = ("same", "already", "noop", "duplicate")
RECEIPT_SUFFIX = ".lqrcpt"
OK_FRAME = "QFrame#importVerdict { background: #e8f5e9; border: 2px solid #2e7d32; border-radius: 4px; }"
INFO_FRAME = "QFrame#importVerdict { background: #eef3fb; border: 2px solid #3b73c4; border-radius: 4px; }"
BAD_FRAME = "QFrame#importVerdict { background: #fdecea; border: 2px solid #c62828; border-radius: 4px; }"
BAD_TEXT = "color: #b71c1c; font-size: 13pt; font-weight: bold;"


class ImportPanel(QWidget):
    def __init__(self, workbook: Workbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbook = workbook
        self.path: Path | None = None
        self.chosen: list[Path] = []        # files opened from a folder: listed until the page closes
        self.pending: Path | None = None    # the file selected while another was being checked
        self.settle = QTimer(self, singleShot=True, interval=300)   # arrowing down the list checks only where it stops
        self.plan: Any = None
        self.batch: list[Path] = []         # the packages of a running or finished 全部导入, in order
        self.mode = ""                      # what the runner is doing: inspect / apply / receipt
        self.runner = Runner(workbook, self)
        self.files = QListWidget(self)
        self.files.setObjectName("foundFiles")
        self.files.setWordWrap(True)
        self.rescan_button = QPushButton("刷新(&R)", self)
        self.open_button = QPushButton("选择文件(&O)…", self)
        self.verdict, self.verdict_label = self._build_verdict()
        self.info = QLabel(self)
        self.info.setObjectName("packageInfo")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = PlanTable(self)
        self.progress = QProgressBar(self)
        self.apply_button = QPushButton("确认导入(&A)", self)
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setMinimumWidth(140)
        self.all_button = QPushButton("全部导入(&L)", self)
        self.all_button.setObjectName("applyAllButton")
        self.all_button.setToolTip("导入左边列出的所有数据包：已导入过的自动跳过，导入前只备份一次数据库")
        self.cancel_button = QPushButton("取消(&C)", self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.hide()
        self._lay_out()
        self._wire()
        self.rescan()
        self.show_nothing()

    # ---- building ----

    def _build_verdict(self) -> tuple[QFrame, QLabel]:
        frame = QFrame(self)
        frame.setObjectName("importVerdict")
        label = QLabel(frame)
        label.setObjectName("verdictLabel")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner = QVBoxLayout(frame)
        inner.addWidget(label)
        return frame, label

    def _lay_out(self) -> None:
        left = QGroupBox("U盘上的数据包" + ("" if self.workbook.is_county else "和回执"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rescan_button)
        buttons.addWidget(self.open_button)
        box = QVBoxLayout(left)
        box.addWidget(self.files, 1)
        box.addLayout(buttons)
        box.addWidget(self.all_button)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        column.addWidget(self.verdict)
        column.addWidget(self.info)
        column.addWidget(self.table, 1)
        column.addStretch(0)                # takes the room only while the table is hidden (a receipt, a refusal)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.apply_button)
        column.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _wire(self) -> None:
        self.rescan_button.clicked.connect(self.rescan)
        self.open_button.clicked.connect(self.choose_file)
        self.files.itemActivated.connect(lambda item: self.open_file(Path(item.data(Qt.ItemDataRole.UserRole))))
        self.files.currentItemChanged.connect(self._current_changed)
        self.settle.timeout.connect(self._open_pending)
        self.apply_button.clicked.connect(self.apply)
        self.all_button.clicked.connect(self.apply_all)
        self.cancel_button.clicked.connect(self.cancel)
        self.runner.cancelled.connect(self._cancelled)
        self.runner.progressed.connect(self._progressed)
        self.runner.completed.connect(self._completed)
        self.runner.failed.connect(self._failed)
        self.runner.finished.connect(self._finished)

    # ---- choosing ----

    def suffixes(self) -> tuple[str, ...]:
        return (".lqpkg",) if self.workbook.is_county else (".lqpkg", RECEIPT_SUFFIX)

    def rescan(self) -> None:
        self.files.blockSignals(True)
        self.files.clear()
        # the folders of files opened by hand first (a receipt written beside a package shows up there), then sticks
        places = [(folder, str(folder)) for folder in dict.fromkeys(p.parent for p in self.chosen)]
        places += [(drive.root, drive.label) for drive in removable_drives()]
        seen: set[Path] = set()
        for folder, where in places:
            for path in packages_in(folder, self.suffixes()):
                if path not in seen and not self.outgoing(path):
                    seen.add(path)
                    self.add_found(path, where)
        if not self.files.count():
            item = QListWidgetItem("没有在U盘上找到数据包。\n插入U盘后点“刷新”，\n或点“选择文件”打开。")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.files.addItem(item)
        self.files.blockSignals(False)
        self.all_button.setEnabled(bool(self.listed_packages()) and not self.runner.busy())

    def listed_packages(self) -> list[Path]:
        """The packages (not receipts) in the list, in its order."""
        paths = [self.files.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.files.count())]
        return [Path(p) for p in paths if p and Path(p).suffix.lower() != RECEIPT_SUFFIX]

    def outgoing(self, path: Path) -> bool:
        """This office's own packages to the other side, by the name the service gives them (…-代码-至-…): they
        are on the same stick, but never for importing here."""
        return path.suffix.lower() != RECEIPT_SUFFIX and f"-{self.workbook.office_code}-至-" in path.name

    def add_found(self, path: Path, where: str = "", top: bool = False) -> None:
        kind = "回执" if path.suffix.lower() == RECEIPT_SUFFIX else "数据包"
        item = QListWidgetItem(f"【{kind}】{path.name}" + (f"\n{where}" if where else ""))
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(str(path))
        if top:
            self.files.insertItem(0, item)
        else:
            self.files.addItem(item)

    def _current_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.pending = Path(item.data(Qt.ItemDataRole.UserRole))
            self.settle.start()

    def _open_pending(self) -> None:
        """Check the file selected last, once the list has settled and no other check is running."""
        if self.pending is None or self.runner.busy():
            return
        path, self.pending = self.pending, None
        if path != self.path:
            self.open_file(path)

    def choose_file(self) -> None:
        patterns = " ".join(f"*{s}" for s in self.suffixes())
        chosen, _filter = QFileDialog.getOpenFileName(self, "选择数据包", str(documents_folder()),
                                                      f"数据包 ({patterns});;所有文件 (*)")
        if chosen:
            self.choose(Path(chosen))

    def choose(self, path: Path) -> None:
        """A file opened from anywhere: listed at the top (selected), then checked."""
        self.chosen = [path, *(p for p in self.chosen if p != path)]
        self.rescan()
        self.files.blockSignals(True)
        rows = [r for r in range(self.files.count()) if self.files.item(r).data(Qt.ItemDataRole.UserRole) == str(path)]
        if not rows:                                        # a file of another suffix, opened by "所有文件"
            if self.files.count() == 1 and not self.files.item(0).data(Qt.ItemDataRole.UserRole):
                self.files.clear()                          # the "nothing found" line
            self.add_found(path, str(path.parent), top=True)
        self.files.setCurrentRow(rows[0] if rows else 0)
        self.files.blockSignals(False)
        self.open_file(path)

    def open_file(self, path: Path) -> None:
        """Show what the file would change: a package's dry run, or what a receipt is."""
        if self.runner.busy():
            return
        self.path, self.plan = path, None
        self.table.setRowCount(0)
        self.table.setVisible(path.suffix.lower() != RECEIPT_SUFFIX)
        if path.suffix.lower() == RECEIPT_SUFFIX:
            self.show_verdict(INFO_FRAME, f"回执：{path.name}", "")
            self.info.setText("这是县里收到数据包后写回U盘的回执。导入后，对应的导出记录标记为“已回执”。")
            self.apply_button.setText("导入回执(&A)")
            self.apply_button.setEnabled(True)
            return
        self.apply_button.setText("确认导入(&A)")
        self.show_verdict(INFO_FRAME, f"正在检查：{path.name}…", "")
        self.info.clear()
        self.start("inspect", lambda wb, progress: with_progress(wb.exchange.inspect, progress, path))

    # ---- running ----

    def start(self, mode: str, call: Any) -> None:
        self.mode = mode
        self.apply_button.setEnabled(False)
        for widget in (self.files, self.rescan_button, self.open_button, self.all_button):
            widget.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setFormat("%p%")
        self.progress.show()
        self.cancel_button.setVisible(mode in ("apply", "apply_all"))
        self.cancel_button.setEnabled(True)
        self.runner.start(call)

    def cancel(self) -> None:
        if self.runner.busy():
            self.cancel_button.setEnabled(False)
            self.show_verdict(INFO_FRAME, "正在取消…", "正在写入的数据包会整体撤回。")
            self.runner.cancel()

    def _cancelled(self) -> None:
        detail = "正在写入的数据包已整体撤回，本机数据与导入前相同。"
        if self.mode == "apply_all":
            detail = "正在写入的数据包已整体撤回；取消前已经导入完成的数据包保留。"
        self.show_verdict(INFO_FRAME, "导入已取消。", detail)
        self.apply_button.setEnabled(False)
        self._keep_selection(self.rescan)

    def apply_all(self) -> None:
        paths = self.listed_packages()
        if not paths or self.runner.busy():
            return
        box = QMessageBox(QMessageBox.Icon.Question, "全部导入",
                          f"要导入左边列出的 {len(paths)} 个数据包吗？\n\n已经导入过的会自动跳过；"
                          "导入前只备份一次数据库。\n导入过程中请不要拔出U盘，也不要关闭程序。", parent=self)
        yes = box.addButton("全部导入(&Y)", QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton("取消(&N)", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.setEscapeButton(no)
        box.exec()
        if box.clickedButton() is not yes:
            return
        self.path, self.plan, self.batch = None, None, paths
        self.table.setRowCount(0)
        self.table.show()
        self.info.setText("\n".join(p.name for p in paths))
        self.show_verdict(INFO_FRAME, f"正在导入 {len(paths)} 个数据包，请不要拔出U盘，也不要关闭程序…", "")
        self.start("apply_all", lambda wb, progress: with_progress(wb.exchange.apply_all, progress, paths))

    def apply(self) -> None:
        path = self.path
        if path is None or self.runner.busy():
            return
        if path.suffix.lower() == RECEIPT_SUFFIX:
            self.start("receipt", lambda wb, progress: wb.exchange.import_receipt(path))
        else:
            self.show_verdict(INFO_FRAME, "正在导入，请不要拔出U盘，也不要关闭程序…", "")
            self.start("apply", lambda wb, progress: with_progress(wb.exchange.apply, progress, path))

    def _progressed(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{what}  %p%" if what else "%p%")

    def _finished(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        for widget in (self.files, self.rescan_button, self.open_button):
            widget.setEnabled(True)
        self.all_button.setEnabled(bool(self.listed_packages()))
        self._open_pending()

    def _completed(self, result: Any) -> None:
        shows = {"inspect": self.show_plan, "apply": self.show_applied, "apply_all": self.show_applied_all,
                 "receipt": self.show_receipt}
        shows[self.mode](result)

    def _failed(self, message: str) -> None:
        """A refusal: the reason in red; nothing was written (the service checks everything before writing)."""
        self.plan = None
        self.apply_button.setEnabled(False)
        self.table.setRowCount(0)
        self.table.hide()
        what = "回执" if self.mode == "receipt" else "数据包"
        self.show_verdict(BAD_FRAME, f"不能导入：{message}", "没有写入任何数据。", BAD_TEXT)
        if self.path is not None:
            self.info.setText(f"{what}文件：{self.path}")

    # ---- showing ----

    def show_nothing(self) -> None:
        self.progress.hide()
        self.apply_button.setEnabled(False)
        self.show_verdict(INFO_FRAME, "请在左边选择一个数据包" + ("" if self.workbook.is_county else "或回执"),
                          "导入前会先检查数据包并列出将要发生的变化，确认后才写入。")

    def show_verdict(self, frame: str, text: str, detail: str, style: str = "font-size: 12pt; font-weight: bold;"
                     ) -> None:
        self.verdict.setStyleSheet(frame)
        self.verdict_label.setStyleSheet(style)
        self.verdict_label.setText(f"{text}\n{detail}" if detail else text)

    def show_plan(self, plan: Any) -> None:
        self.plan = plan
        header = field(plan, "header", {}) or {}
        changes = changes_of(plan)
        self.info.setText(self._describe(header))
        self.table.fill(changes)
        status = str(field(plan, "status", "") or "")
        sum_ = totals(changes)
        if status in ALREADY or (not status and not (sum_["new"] or sum_["changed"] or sum_["removed"])):
            self.show_verdict(INFO_FRAME, "这个数据包已经导入过，再次导入不会改变任何数据。", "")
            return
        detail = (f"新增 {sum_['new']:,} 行，修改 {sum_['changed']:,} 行，删除 {sum_['removed']:,} 行，"
                  f"不变 {sum_['unchanged']:,} 行。导入前会自动备份数据库。")
        if sum_["removed"]:
            sender = office_name(str((field(plan, "header", {}) or {}).get("sender", "")))
            detail += f"\n删除的是{sender}已经删掉的记录（本机保存的是它上次报送的数据）。"
        self.show_verdict(OK_FRAME, "检查通过，可以导入。请核对下面的变化，确认后点“确认导入”。", detail)
        self.apply_button.setEnabled(True)
        self.apply_button.setFocus()

    def _describe(self, header: dict[str, Any]) -> str:
        sender = header.get("sender", "")
        name = header.get("sender_name") or office_name(str(sender))
        lines = [f"发送单位：{name}（{sender}）　　数据包序号：第{header.get('sequence', '')}号　　"
                 f"导出时间：{when(header.get('created_at'))}"]
        if self.path is not None:
            lines.append(f"文件：{self.path}")
        return "\n".join(lines)

    def show_applied(self, result: Any) -> None:
        status = str(field(result, "status", "") or field(result, "result", "") or "")
        if field(result, "plan", None) is not None:
            self.table.fill(changes_of(field(result, "plan")))
        receipt = field(result, "receipt_path", None) or field(result, "receipt", None)
        if status in ALREADY:
            self.show_verdict(INFO_FRAME, "这个数据包已经导入过，没有改变任何数据。", "")
        else:
            detail = f"回执已写入：{receipt}。请把U盘交回，乡镇导入回执后即确认送达。" if receipt else ""
            self.show_verdict(OK_FRAME, "导入完成：数据已更新。", detail)
        self.apply_button.setEnabled(False)
        self._keep_selection(self.rescan)

    def show_applied_all(self, results: list[Any]) -> None:
        """Per package: imported, imported before, or refused with its reason; the changes of all added up."""
        applied = [r for r in results if not isinstance(r, PackageError) and field(r, "status") == "applied"]
        refused = [(path, r) for path, r in zip(self.batch, results, strict=False)
                   if isinstance(r, PackageError)]
        already = len(results) - len(applied) - len(refused)
        changes: dict[str, dict[str, int]] = {}
        for result in applied:
            for table, change in changes_of(field(result, "plan")).items():
                into = changes.setdefault(table, dict.fromkeys(KINDS, 0))
                for kind in KINDS:
                    into[kind] += int(field(change, kind, 0) or 0)
        self.table.fill(changes)
        self.info.setText("\n".join(str(field(r, "message", "")) for r in applied))
        text = f"全部导入完成：导入 {len(applied)} 个数据包，已导入过（跳过）{already} 个，拒绝 {len(refused)} 个。"
        if refused:
            detail = "\n".join(f"{path.name}：{exc.message}" for path, exc in refused)
            self.show_verdict(BAD_FRAME, text, "被拒绝的数据包没有写入任何数据：\n" + detail, BAD_TEXT)
        else:
            receipts = "回执已写在各数据包旁边，请把U盘交回。" if applied and self.workbook.is_county else ""
            self.show_verdict(OK_FRAME, text, receipts)
        self.apply_button.setEnabled(False)
        self._keep_selection(self.rescan)

    def _keep_selection(self, change: Any) -> None:
        """Re-list the files (a receipt may have appeared) with the current one still selected, quietly."""
        current = str(self.path) if self.path is not None else None
        change()
        self.files.blockSignals(True)
        for row in range(self.files.count()):
            if self.files.item(row).data(Qt.ItemDataRole.UserRole) == current:
                self.files.setCurrentRow(row)
        self.files.blockSignals(False)

    def show_receipt(self, result: Any) -> None:
        self.show_verdict(OK_FRAME, "回执已导入：对应的数据包已标记为县里已收到。", "")
        self.apply_button.setEnabled(False)
