"""Keyboard only (RGAA 7.3, 10.7, 12.13): walking with Tab reaches every control of every tab,
bilan page and dialog, in the order they are laid out, and never gets stuck in a table; the
focused control always wears the focus ring, which is really painted (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QFocusFrame, QMenu, QWidget

from ordnum_desktop.ui.focus_ring import FOCUS_COLOUR, FocusRing, focus_ring
from tests.ui.dialog_openers import dialog_openers

MAX_STEPS = 120


def _focusable(root: QWidget) -> set[QWidget]:
    """What Tab must reach: the visible, enabled controls that take focus from the keyboard."""
    out = set()
    for w in root.findChildren(QWidget):
        if (
            w.isVisible()
            and w.isEnabled()
            and not w.isWindow()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None
            and FocusRing.target(w) is w
            and not isinstance(w, QFocusFrame)
        ):
            out.add(w)
    return out


def _ring_painted(widget: QWidget) -> bool:
    ring = focus_ring()
    frame = ring.frame if ring else None
    if frame is None or frame.widget() is not widget or not frame.isVisible():
        return False
    image = frame.grab().toImage()
    target = QColor(FOCUS_COLOUR)
    near = 0
    for x in range(0, image.width(), 2):
        for y in (1, image.height() - 2):  # the ring's top and bottom edges
            c = image.pixelColor(x, y)
            near += (
                abs(c.red() - target.red()) + abs(c.green() - target.green()) + abs(c.blue() - target.blue())
                < 60
            )
    return near >= image.width() // 4


def walk(root: QWidget, qtbot, start: QWidget | None = None) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Presses Tab from `start` (else the root's first control) until the focus comes back;
    returns the controls in the order reached, each checked for a painted focus ring."""
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow, timeout=2000)
    first = start or root.focusWidget() or root.nextInFocusChain()
    first.setFocus(Qt.FocusReason.TabFocusReason)
    order: list[QWidget] = []
    unringed: list[str] = []
    previous = None
    for _ in range(MAX_STEPS):
        widget = FocusRing.target(QApplication.focusWidget())
        assert widget is not None
        if order and widget is order[0] and previous is not widget:
            break  # back at the start (a date edit keeps the focus across its day, month, year)
        previous = widget
        if widget not in order:
            order.append(widget)
            qtbot.wait(1)  # the moves and resizes a newly shown tab posts, as on screen
            if not _ring_painted(widget):
                unringed.append(f"{type(widget).__name__} {widget.objectName()!r}")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    else:
        pytest.fail(f"Tab ne revient jamais au départ : {[w.objectName() for w in order[-5:]]}")
    assert not unringed, "sans anneau de focus visible : " + ", ".join(unringed)
    return order


def _names(widgets: object) -> list[str]:
    return sorted(f"{type(w).__name__} {w.objectName()!r}" for w in widgets)  # type: ignore[attr-defined]


def test_tab_reaches_every_control_of_every_tab_with_a_visible_ring(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = window.ui.tabs.tabBar()
    for index in range(window.ui.tabs.count()):
        window.ui.tabs.setCurrentIndex(index)
        qtbot.wait(30)
        order = walk(window, qtbot, bar)
        missing = _focusable(window) - set(order)
        assert not missing, f"onglet {window.ui.tabs.tabText(index)} : " + ", ".join(_names(missing))
        # The cycle reads as the window is laid out: the tab bar, the tab's controls, then the
        # header above the tabs (présérie, new présérie) and back to the tab bar.
        page = window.ui.tabs.currentWidget()
        names = [w.objectName() for w in order]
        in_page = [i for i, w in enumerate(order) if page.isAncestorOf(w)]
        assert in_page and in_page[0] == 1, names
        assert max(in_page) < names.index("preserieCombo") < names.index("newPreserieButton"), names
    window.ui.tabs.setCurrentWidget(window.ui.bilanPage)
    sections = window.tab_widgets["bilan"].ui.sections
    for index in range(sections.count()):
        sections.setCurrentIndex(index)
        qtbot.wait(20)
        order = walk(window, qtbot, sections.tabBar())
        missing = _focusable(window) - set(order)
        assert not missing, f"page {sections.tabText(index)} : " + ", ".join(_names(missing))


def test_tab_order_follows_the_layout(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.ui.tabs.setCurrentIndex(0)
    qtbot.wait(30)
    names = [w.objectName() for w in walk(window, qtbot, window.ui.tabs.tabBar())]
    # The filter, the buttons left to right, the roster table, then the findings beside it.
    ps = ["filterEdit", "addButton", "deleteButton", "importButton", "exportButton", "templateButton"]
    assert [n for n in names if n in ps] == ps
    assert names.index("templateButton") < names.index("table") < names.index("rulesList")
    window.ui.tabs.setCurrentWidget(window.ui.bilanPage)
    qtbot.wait(30)
    names = [w.objectName() for w in walk(window, qtbot, window.ui.tabs.tabBar())]
    assert names.index("asOfDate") < names.index("importTracesButton") < names.index("exportBilanButton")


def test_tables_do_not_trap_the_tab_key(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.ui.tabs.setCurrentIndex(0)
    qtbot.wait(30)
    table = window.tab_widgets["ps"].ui.table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.tab_widgets["ps"].ui.rulesList


def test_every_menu_command_has_a_keyboard_letter(window) -> None:  # type: ignore[no-untyped-def]
    """Alt + the underlined letter (or F10 and the arrows) opens every menu and command."""
    missing = []
    for menu in [window.menuBar(), *window.menuBar().findChildren(QMenu)]:
        for action in menu.actions():
            if action.isSeparator() or menu.objectName() == "menuRecent":
                continue
            if "&" not in action.text().replace("&&", ""):
                missing.append(action.text())
    assert not missing, missing


def test_every_dialog_is_walked_with_tab_and_shows_its_focus(window, prompts, qtbot) -> None:  # type: ignore[no-untyped-def]
    walked: dict[str, list[str]] = {}
    for name, open_dialog in dialog_openers(window).items():

        def handler(dialog: QDialog, name: str = name) -> bool:
            dialog.show()
            qtbot.waitExposed(dialog)
            order = walk(dialog, qtbot)
            missing = _focusable(dialog) - set(order)
            assert not missing, f"{name} : " + ", ".join(_names(missing))
            walked[name] = [w.objectName() or type(w).__name__ for w in order]
            dialog.reject()
            return False

        prompts.dialog_handlers.append(handler)
        open_dialog()
        assert name in walked, f"{name} : la fenêtre ne s'est pas ouverte ({prompts.messages[-1:]})"
    assert not prompts.unused()
