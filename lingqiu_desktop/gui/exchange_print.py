"""打印移交清单 from the data exchange page: one cover sheet per exported package, all in one preview (the county
exporting to 12 townships prints 12 sheets at once)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from lingqiu_desktop.printing.handover import export_id
from lingqiu_desktop.workbook import Workbook

from lingqiu_desktop.gui.printing import DOCUMENT_ERRORS, PreviewDialog, document_error_text, wait_cursor


def log_id(workbook: Workbook, result: Any) -> str:
    """The export log id of an export result: named by the result when it carries one, else found by its hash."""
    for name in ("log_id", "export_id", "id"):
        value = result.get(name) if isinstance(result, dict) else getattr(result, name, None)
        if value:
            return str(value)
    sha = result.get("sha256") if isinstance(result, dict) else getattr(result, "sha256", "")
    return export_id(workbook, str(sha))


def print_handover(parent: QWidget, workbook: Workbook, results: Sequence[Any] = (),
                   keys: Sequence[str] = ()) -> PreviewDialog | None:
    """The cover sheets of these export results (or export log ids) in one preview; a Chinese message on failure."""
    try:
        with wait_cursor():
            ids = list(keys) or [log_id(workbook, r) for r in results]
            printables = [workbook.printing.prepare("handover", key) for key in ids]
            one = len(printables) == 1
            title = printables[0].title if one else f"数据移交清单（共{len(printables)}份）"
            pdf = workbook.printing.render(printables, title=title)
    except DOCUMENT_ERRORS as exc:
        QMessageBox.warning(parent, "无法生成移交清单", f"移交清单无法生成：\n{document_error_text(exc)}")
        return None
    dialog = PreviewDialog(pdf, title, printables[0].filename if one else f"{title}.pdf", parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
