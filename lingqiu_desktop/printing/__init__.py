"""Printed documents at the Workbook level: gathering what a document shows from the records, rendering it with
documents/, logging what was printed, batches, and `verify` for the QR code on the paper.

Each module in this package that defines `KINDS` (a list of `DocumentKind`) adds its documents; the registry finds
them by itself (build/lingqiu.spec collects the package's modules for the bundle).
"""

from lingqiu_desktop.printing.registry import DocumentKind, Printable, document_kinds
from lingqiu_desktop.printing.service import BatchResult, Printout, PrintService, Verification

__all__ = ["BatchResult", "DocumentKind", "PrintService", "Printable", "Printout", "Verification", "document_kinds"]
