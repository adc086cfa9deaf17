"""Preview a printed form's real PDF pages, print them, save them.

Module views build the PDF bytes in a worker (``run_in_worker``), then call
``preview_pdf(parent, pdf_bytes, title, filename)``.  The dialog shows the pages
with Qt's PDF module, zooms (fit width by default), prints through the system
printer dialog (page range and copies; progress with Cancel) and saves the bytes
as a PDF file.

Printing paints each page as an image at its exact physical size, so label sheets
keep their geometry.  The image is rendered at the printer's resolution or an exact
fraction of it near ``PRINT_DPI`` (each image pixel becomes whole printer dots: no
resampling blur), without anti-aliasing (hard edges for codes and text).  A page
without colour (every page when the printer prints in greyscale) goes to the printer
as a 1-bit image, grey fills ordered-dithered as a laser printer would; a page with
colour as RGB.  Both lossless (Qt's PDF engine would store colour images as JPEG,
which blurs codes until they no longer scan).

Tests bypass the system dialogs by overriding ``_choose_printer()`` and
``_choose_save_path()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr

PRINT_DPI = 300  # page images are rendered near this resolution (sharp text and scannable codes)
_BLACK = QColor(Qt.GlobalColor.black).rgba()
_WHITE = QColor(Qt.GlobalColor.white).rgba()


def render_dpi(printer_dpi: int) -> float:
    """The resolution to render page images at for a printer of ``printer_dpi``: its own, or an exact
    fraction of it near ``PRINT_DPI`` (600 -> 300, 1200 -> 300, 360 -> 360), so that every image pixel
    is painted as whole printer dots. Below 200 dpi (a draft mode, or a PDF printer's nominal 72 or
    96 dpi) the pages are rendered at ``PRINT_DPI`` and the device scales them."""
    if printer_dpi < 200:
        return float(PRINT_DPI)
    return printer_dpi / max(1, round(printer_dpi / PRINT_DPI))
_open_dialogs: set = set()  # previews without a parent stay referenced while shown


class PdfPreviewDialog(QDialog):
    """Shows ``pdf_bytes``; buttons 打印… / 另存为 PDF… / 关闭."""

    def __init__(self, pdf_bytes: bytes, title: str = "", parent: QWidget | None = None,
                 suggested_filename: str = ""):
        super().__init__(parent)
        self.pdf_bytes = bytes(pdf_bytes)
        self.suggested_filename = suggested_filename or ((title or "document") + ".pdf")
        self.setWindowTitle(tr("Print preview – {title}").format(title=title) if title else tr("Print preview"))
        self._size_to_screen(parent)
        self._load_document()
        self._build_controls()
        self._lay_out()
        self._connect()

    def _size_to_screen(self, parent: QWidget | None) -> None:
        """Up to 900 × 1000, within nine tenths of the screen."""
        screen = (parent.screen() if parent is not None else QApplication.primaryScreen())
        avail = screen.availableGeometry() if screen is not None else None
        if avail is not None and avail.height() > 0:
            self.resize(min(900, int(avail.width() * 0.9)), min(1000, int(avail.height() * 0.9)))
        else:
            self.resize(900, 1000)


    def _load_document(self) -> None:
        """The document and the view showing it (several pages, fitted to the width)."""
        # the document reads from a buffer that must live as long as it does
        self._data = QByteArray(self.pdf_bytes)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)


    def _build_controls(self) -> None:
        """Zoom buttons, the page label, Print…, Save as PDF… and Close."""
        self.fit_width_button = QPushButton(tr("Fit width"), self)
        self.fit_page_button = QPushButton(tr("Whole page"), self)
        self.zoom_in_button = QPushButton(tr("Zoom in"), self)
        self.zoom_out_button = QPushButton(tr("Zoom out"), self)
        self.page_label = QLabel(self)
        self.print_button = QPushButton(tr("Print…"), self)
        self.save_button = QPushButton(tr("Save as PDF…"), self)
        self.close_button = QPushButton(tr("Close"), self)
        self.print_button.setDefault(True)


    def _lay_out(self) -> None:
        """The zoom bar above the view, the buttons below."""
        tools = QHBoxLayout()
        for w in (self.fit_width_button, self.fit_page_button, self.zoom_out_button, self.zoom_in_button):
            tools.addWidget(w)
        tools.addStretch(1)
        tools.addWidget(self.page_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for w in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(w)
        layout = QVBoxLayout(self)
        # a fixed minimum instead of the layout's: the layout would push size hints to the window
        # after it is shown, which Qt's offscreen platform (the tests) reports as a warning
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(520, 400)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)


    def _connect(self) -> None:
        self.fit_width_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.zoom_in_button.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out_button.clicked.connect(lambda: self._zoom(0.8))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self.close_button.clicked.connect(self.reject)
        self.view.pageNavigator().currentPageChanged.connect(lambda _p: self._update_page_label())
        self._update_page_label()

    # ---- viewing --------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            # start from what fit-width shows
            page = self.document.pagePointSize(0)
            if page.width() > 0:
                current = self.view.viewport().width() / (page.width() * self.logicalDpiX() / 72.0)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, current * factor)))

    def _update_page_label(self) -> None:
        pages = self.page_count()
        current = self.view.pageNavigator().currentPage() + 1 if pages else 0
        self.page_label.setText(tr("Page {page} of {pages}").format(page=current, pages=pages))

    # ---- saving ---------------------------------------------------------
    def _choose_save_path(self) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Save as PDF"), self.suggested_filename, tr("PDF files (*.pdf)")
        )
        return path or None

    def save_as(self) -> str | None:
        """Ask for a file name and write the PDF bytes there; returns the path (None if cancelled)."""
        path = self._choose_save_path()
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            Path(path).write_bytes(self.pdf_bytes)
        except OSError as exc:
            from ..errors import UserError
            from .widgets import show_error

            message = tr("Could not save {path}: {error}").format(path=path, error=exc.strerror or exc)
            show_error(self, UserError(message))
            return None
        return path

    # ---- printing -------------------------------------------------------
    def _landscape(self) -> bool:
        if not self.page_count():
            return False
        size = self.document.pagePointSize(0)
        return size.width() > size.height()

    def _match_orientation(self, printer: QPrinter) -> None:
        printer.setFullPage(True)  # our pages carry their own margins; labels need the exact sheet
        orientation = QPageLayout.Orientation.Landscape if self._landscape() else QPageLayout.Orientation.Portrait
        printer.setPageOrientation(orientation)

    def _prepare_printer(self, printer: QPrinter) -> None:
        """Before the print dialog: the document's paper size, orientation and page range."""
        size = self.document.pagePointSize(0) if self.page_count() else QSizeF(595.28, 841.89)
        w, h = sorted((size.width(), size.height()))
        page_size = QPageSize(QSizeF(w, h), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        printer.setPageSize(page_size)
        self._match_orientation(printer)
        printer.setFromTo(1, max(1, self.page_count()))

    def _new_printer(self) -> QPrinter:
        """The printer the print dialog starts from: the document's paper, all pages."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._prepare_printer(printer)
        printer.setPrintRange(QPrinter.PrintRange.AllPages)
        return printer

    def _choose_printer(self) -> QPrinter | None:
        """The system print dialog (page range, copies). Returns the printer, or None if cancelled."""
        printer = self._new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count()))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCollateCopies, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def _page_range(self, printer: QPrinter) -> list[int]:
        pages = self.page_count()
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(1, printer.fromPage())
            last = min(pages, printer.toPage() or pages)
            return list(range(first - 1, last))
        return list(range(pages))

    def print_document(self) -> int:
        """Print through the system dialog; returns the number of pages sent (0 if cancelled)."""
        printer = self._choose_printer()
        if printer is None:
            return 0
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Paint the chosen pages onto ``printer`` (copies handled here when the driver cannot)."""
        pages = self._page_range(printer)
        if not pages:
            return 0
        copies = 1
        if not printer.supportsMultipleCopies():
            copies = max(1, printer.copyCount())
            collate = printer.collateCopies()
        else:
            collate = True
        if collate:
            sequence = pages * copies
        else:
            sequence = [p for p in pages for _ in range(copies)]
        self._match_orientation(printer)
        progress = QProgressDialog(tr("Printing…"), tr("Cancel"), 0, len(sequence), self)
        progress.setWindowTitle(tr("Printing"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        painter = QPainter()
        if not painter.begin(printer):
            progress.close()
            from ..errors import UserError
            from .widgets import show_error

            show_error(self, UserError(tr("The printer could not be started.")))
            return 0
        # images go to the printer as they are: no smoothing when scaled, no JPEG in a PDF
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering, True)
        dpi = render_dpi(printer.resolution())
        printed = 0
        try:
            for n, index in enumerate(sequence):
                if progress.wasCanceled():
                    printer.abort()
                    break
                if n:
                    printer.newPage()
                self._paint_page(painter, printer, index, dpi)
                printed += 1
                progress.setValue(n + 1)
                QApplication.processEvents()
        finally:
            if painter.isActive():
                painter.end()
            progress.close()
            progress.deleteLater()
        return printed

    def page_image(self, index: int, dpi: float, colour: bool = True) -> QImage:
        """Page ``index`` as the printer gets it: rendered at ``dpi`` without anti-aliasing, on white;
        1-bit (black on white, grey ordered-dithered) unless ``colour`` and the page has colour (RGB32)."""
        size_pt = self.document.pagePointSize(index)
        size = QSize(max(1, round(size_pt.width() / 72 * dpi)), max(1, round(size_pt.height() / 72 * dpi)))
        options = QPdfDocumentRenderOptions()
        flags = QPdfDocumentRenderOptions.RenderFlag
        options.setRenderFlags(flags.TextAliased | flags.PathAliased | flags.ImageAliased)
        rendered = self.document.render(index, size, options)
        # QtPdf leaves the paper transparent: put it on white (printers and PDF engines show black)
        image = QImage(rendered.size(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        p = QPainter(image)
        p.drawImage(0, 0, rendered)
        p.end()
        if colour and not image.allGray():
            return image
        mono = image.convertToFormat(QImage.Format.Format_Mono, Qt.ImageConversionFlag.OrderedDither)
        if mono.colorTable() != [_BLACK, _WHITE]:
            # black first: Qt's PDF engine writes only such images as 1-bit (others become RGB)
            if mono.color(0) != _BLACK:
                mono.invertPixels()
            mono.setColorTable([_BLACK, _WHITE])
        return mono

    def _paint_page(self, painter: QPainter, printer: QPrinter, index: int, dpi: float) -> None:
        image = self.page_image(index, dpi, printer.colorMode() == QPrinter.ColorMode.Color)
        # exact physical size: each image pixel becomes res / dpi printer dots
        scale = printer.resolution() / dpi
        target = QRectF(0, 0, image.width() * scale, image.height() * scale)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        if target.width() > paper.width() * 1.02 or target.height() > paper.height() * 1.02:
            # the paper is smaller than the page: scale down, keep the aspect
            fit = min(paper.width() / target.width(), paper.height() / target.height())
            target = QRectF(0, 0, target.width() * fit, target.height() * fit)
        painter.drawImage(target, image)


def preview_pdf(parent: QWidget | None, pdf_bytes: bytes, title: str = "", filename: str = "") -> PdfPreviewDialog:
    """Open a (non-blocking) preview of ``pdf_bytes``; returns the dialog."""
    dialog = PdfPreviewDialog(pdf_bytes, title, parent, filename)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    _open_dialogs.add(dialog)
    dialog.finished.connect(lambda _r: _open_dialogs.discard(dialog))
    dialog.show()
    return dialog
