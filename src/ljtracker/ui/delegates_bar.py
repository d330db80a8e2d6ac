"""Achievement drawn as a bar beside its number: 0 at the baseline, a full bar at the target."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ljtracker.domain.model import Status
from ljtracker.domain.status_look import STATUS_LOOKS

BAR_WIDTH = 56
PADDING = 4
WIDEST_TEXT = "-000.00 %"  # the room the number needs beside its bar
NEGATIVE_COLOR = STATUS_LOOKS[Status.DETERIORATION].color


class AchievementBarDelegate(QStyledItemDelegate):
    """Paints the float in `value_role` as a bar clamped to [0, 1] and the item's text beside it.

    Beyond the target the bar is full with an arrow at its end; below the baseline the bar is
    empty with an arrow pointing left, and the number shows the exact value either way.
    """

    def __init__(self, value_role: int, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._value_role = value_role

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = QRectF(opt.rect).adjusted(PADDING, 0, -PADDING, 0)
        text_width = opt.fontMetrics.horizontalAdvance(WIDEST_TEXT) + PADDING
        value = index.data(self._value_role)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if isinstance(value, float | int):
            track = QRectF(rect.left(), 0, max(10.0, rect.width() - text_width - 3 * PADDING), 0)
            height = min(12.0, rect.height() * 0.5)
            track.setTop(rect.center().y() - height / 2)
            track.setHeight(height)
            self._paint_bar(painter, track, float(value), palette, selected)
        text_rect = QRectF(rect.right() - text_width, rect.top(), text_width, rect.height())
        color = palette.color(text_role)
        if isinstance(value, float | int) and value < 0 and not selected:
            color = QColor(NEGATIVE_COLOR)
        elif value is None and not selected:
            color = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(color)
        painter.setFont(opt.font)
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.restore()

    def _paint_bar(
        self, painter: QPainter, track: QRectF, value: float, palette: QPalette, selected: bool
    ) -> None:
        fill = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        )
        frame = QColor(palette.color(QPalette.ColorRole.Text))
        frame.setAlphaF(0.35)
        painter.setPen(frame)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(track)
        shown = min(max(value, 0.0), 1.0)
        if shown > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRect(
                QRectF(track.left(), track.top(), track.width() * shown, track.height())
            )
        middle, half = track.center().y(), track.height() / 2
        if value > 1:
            tip = track.right() + half
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(track.right(), middle - half - 1),
                        QPointF(tip, middle),
                        QPointF(track.right(), middle + half + 1),
                    ]
                )
            )
        elif value < 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(
                palette.color(QPalette.ColorRole.HighlightedText)
                if selected
                else QColor(NEGATIVE_COLOR)
            )
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(track.left() + half, middle - half),
                        QPointF(track.left(), middle),
                        QPointF(track.left() + half, middle + half),
                    ]
                )
            )

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        text_width = option.fontMetrics.horizontalAdvance(WIDEST_TEXT)
        return QSize(max(size.width(), BAR_WIDTH + text_width + 4 * PADDING), size.height())
