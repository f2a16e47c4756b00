"""PS tab: the roster, edited in place, with the rules panel updated after every change."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListWidgetItem

from ordnum_desktop.domain.names import person_name
from ordnum_desktop.domain.roster_rows import DoctorRow, doctor_row
from ordnum_desktop.domain.roster_rules import CheckResult
from ordnum_desktop.ui.context import CPAMS, PRESERIE, ROSTER, AppContext
from ordnum_desktop.ui.forms.ui_ps_tab import Ui_PsTab
from ordnum_desktop.ui.models.roster_model import COLUMNS, FIELD_COLUMN, RosterModel, choices_for
from ordnum_desktop.ui.tabs.tab_base import BaseTab
from ordnum_desktop.ui.widgets.accessible import name_corners, setup_scrolled
from ordnum_desktop.ui.widgets.choice_delegate import ChoiceDelegate

if TYPE_CHECKING:
    from ordnum_desktop.services.workspace.first_screen import FirstScreen

XLSX_FILTER = "Classeur Excel (*.xlsx)"
# What the roster import reads (services/io/small_workbook.py).
WORKBOOK_FILTER = "Classeur (*.xlsx *.xlsm *.xlsb *.xls *.ods)"
LEVEL_STYLE = {"error": ("✖", "#c62828"), "warning": ("⚠", "#a15c00")}


class PsTab(BaseTab):
    name = "ps"
    watches = frozenset({ROSTER, CPAMS, PRESERIE})

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ui = Ui_PsTab()
        setup_scrolled(self, self.ui)
        name_corners(self)
        self.model = RosterModel(self._edit)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        table = self.ui.table
        table.setModel(self.proxy)
        # Roster order until the user clicks a column header.
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(26)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        choice_columns = {n: c.field for n, c in enumerate(COLUMNS) if c.kind == "choice"}
        self._choice_cache: dict[str, list[tuple[str, str]]] = {}
        patterns = {
            FIELD_COLUMN["am"]: r"[0-9 .]{0,12}",
            FIELD_COLUMN["rpps"]: r"[0-9 .]{0,14}",
            FIELD_COLUMN["finess"]: r"[0-9ABab .]{0,12}",
        }
        table.setItemDelegate(
            ChoiceDelegate(lambda col: self._choices(choice_columns.get(col)), table, patterns)
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for n, column in enumerate(COLUMNS):
            table.setColumnWidth(n, column.width)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(50)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([900, 330])
        self.ui.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        # The filter takes the toolbar's spare room (up to its 320 px) before the gap between the
        # buttons does: at 1024 px its hint was cut to « Filtrer par nom, identifiant, … ».
        self.ui.toolbarLayout.setStretchFactor(self.ui.filterEdit, 1)
        self.ui.addButton.clicked.connect(self.add_doctor)
        self.ui.deleteButton.clicked.connect(self.delete_selected)
        self.ui.importButton.clicked.connect(self.import_workbook)
        self.ui.exportButton.clicked.connect(self.export_workbook)
        self.ui.templateButton.clicked.connect(self.save_template)
        # itemActivated: a double click, or Enter from the keyboard (RGAA 7.3).
        self.ui.rulesList.itemActivated.connect(self._go_to_finding)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            table,
            self.delete_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.add_doctor)
        QShortcut(QKeySequence.StandardKey.Find, self, self.ui.filterEdit.setFocus)
        self.exercise = "liberal"

    def _choices(self, field: str | None) -> list[tuple[str, str]] | None:
        if field is None:
            return None
        if field not in self._choice_cache:
            self._choice_cache[field] = choices_for(field)
        return self._choice_cache[field]

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        # The roster services pull SQLAlchemy: imported with the workspace, after the first
        # screen (show_first_screen) is painted.
        from ordnum_desktop.services.roster.doctors import check_roster_for, list_doctors
        from ordnum_desktop.services.roster.preseries import resolve_preserie

        ws, pid = self.ctx.ws, self.ctx.preserie_id
        exercise = resolve_preserie(ws, pid).exercise
        check = check_roster_for(ws, pid)
        self._show([doctor_row(d) for d in list_doctors(ws, pid)], check, exercise, bool(ws.read_only))

    def show_first_screen(self, first: FirstScreen) -> None:
        """The roster read before the workspace is open (services/workspace/first_screen.py):
        shown as it is, nothing editable; the tab stays dirty, so `refresh` takes over once the
        workspace is open."""
        self._show(first.doctors, first.check, first.exercise, read_only=True)

    def _show(self, doctors: list[DoctorRow], check: CheckResult, exercise: str, read_only: bool) -> None:
        self.exercise = exercise
        self.model.read_only = read_only
        self.model.set_data(doctors, check)
        self._fill_rules(check)
        for button in (self.ui.addButton, self.ui.deleteButton, self.ui.importButton):
            button.setEnabled(not read_only)

    def _fill_rules(self, check: CheckResult) -> None:
        rules = self.ui.rulesList
        rules.clear()
        n_err, n_warn = len(check.errors), len(check.warnings)
        count = f"{len(self.model.doctors)} médecin(s)"
        if not n_err and not n_warn:
            self.ui.rulesTitle.setText(
                f"<b style='color:#2e7d32'>✔ L'effectif respecte les règles de la présérie</b> ({count})."
            )
        else:
            self.ui.rulesTitle.setText(
                f"<b>Contrôle de l'effectif</b> ({count}) : "
                f"<span style='color:#c62828'>{n_err} erreur(s)</span>, "
                f"{n_warn} avertissement(s)"
            )
        for finding in [*check.errors, *check.warnings]:
            mark, colour = LEVEL_STYLE.get(finding.level, ("•", "#000000"))
            item = QListWidgetItem(f"{mark} {finding.message}")
            item.setForeground(QBrush(QColor(colour)))
            item.setData(Qt.ItemDataRole.UserRole, (finding.doctor, finding.field))
            item.setToolTip(finding.message)
            rules.addItem(item)

    def rules_messages(self) -> list[str]:
        return [self.ui.rulesList.item(n).text() for n in range(self.ui.rulesList.count())]

    def _go_to_finding(self, item: QListWidgetItem) -> None:
        doctor_id, field = item.data(Qt.ItemDataRole.UserRole)
        row = self.model.row_of(doctor_id) if doctor_id is not None else None
        if row is None:
            return
        source = self.model.index(row, FIELD_COLUMN.get(field or "", 0))
        index = self.proxy.mapFromSource(source)
        self.ui.table.setCurrentIndex(index)
        self.ui.table.scrollTo(index)
        self.ui.table.setFocus()

    # -- edits ------------------------------------------------------------------------------
    def _edit(self, doctor_id: int, field: str, value: Any) -> bool:
        row = self.model.row_of(doctor_id)
        doctor = self.model.doctors[row] if row is not None else None
        old = getattr(doctor, field) if doctor is not None else None
        label = next(c.title for c in COLUMNS if c.field == field)
        version = doctor.version if doctor is not None else None
        from ordnum_desktop.ui.roster_commands import edit_doctor  # SQLAlchemy: with the workspace

        done = edit_doctor(self.ctx, doctor_id, field, old, value, label, version)
        if done:
            self.ctx.say(f"{label} modifié.")
        return done

    def add_doctor(self) -> None:
        if not self.ctx.ready or self.ctx.ws.read_only:
            return
        from ordnum_desktop.ui.roster_commands import new_doctor

        mode = "salarie" if self.exercise == "centre" else "liberal"
        doctor_id = new_doctor(self.ctx, last_name="Nouveau médecin", mode=mode)
        if doctor_id is None:
            return
        self.show_if_dirty()
        row = self.model.row_of(doctor_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.ui.table.setCurrentIndex(index)
            self.ui.table.edit(index)
        self.ctx.say("Médecin ajouté : saisissez son nom et ses identifiants (Ctrl+Z pour annuler).")

    def selected_doctor_id(self) -> int | None:
        index = self.ui.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.doctors[self.proxy.mapToSource(index).row()].id

    def delete_selected(self) -> None:
        doctor_id = self.selected_doctor_id()
        if doctor_id is None or not self.ctx.ready or self.ctx.ws.read_only:
            return  # (not ready: the first screen, shown before the workspace is open)
        from ordnum_desktop.ui.roster_commands import remove_doctor

        doctor = self.model.doctors[self.model.row_of(doctor_id) or 0]
        label = person_name(doctor.last_name, doctor.first_name)
        if remove_doctor(self.ctx, doctor_id, label):
            self.ctx.say(f"{label} retiré de l'effectif (Ctrl+Z pour annuler).")

    # -- workbooks --------------------------------------------------------------------------
    # openpyxl (roster_workbook) is imported on use: it would slow down the start-up.
    def import_workbook(self) -> None:
        from ordnum_desktop.services.roster.workbook import import_roster

        path = self.ctx.prompts.open_file("Importer l'effectif", WORKBOOK_FILTER)
        if not path:
            return
        replace = False
        if self.model.doctors:
            replace = self.ctx.prompts.ask_yes_no(
                "Remplacer l'effectif ?",
                f"La présérie a déjà un effectif de {len(self.model.doctors)} médecin(s). Le remplacer "
                "par celui du classeur ? Les plannings des médecins conservés sont gardés.",
                yes="Remplacer",
                no="Annuler",
            )
            if not replace:
                return
        report = self.ctx.run(
            "Importer l'effectif",
            import_roster,
            self.ctx.ws,
            self.ctx.preserie_id,
            Path(path),
            replace=replace,
        )
        if report is None:
            return
        self.ctx.undo_stack.clear()  # an import is not undoable cell by cell
        self.ctx.notify(ROSTER)
        text = f"{report.imported} médecin(s) importé(s) depuis « {report.file} »."
        if report.rejected:
            lines = "\n".join(r.located() for r in report.rejected[:10])
            self.ctx.prompts.error(
                "Import de l'effectif", f"{text}\n{len(report.rejected)} ligne(s) refusée(s) :\n{lines}"
            )
        self.ctx.say(text)

    def export_workbook(self) -> None:
        if not self.ctx.ready:  # the first screen, before the workspace is open
            return
        from ordnum_desktop.services.roster.workbook import export_roster

        path = self.ctx.prompts.save_file("Exporter l'effectif", "effectif.xlsx", XLSX_FILTER)
        if (
            path
            and self.ctx.run(
                "Exporter l'effectif", export_roster, self.ctx.ws, self.ctx.preserie_id, Path(path)
            )
            is not None
        ):
            self.ctx.say(f"Effectif exporté dans « {path} ».")

    def save_template(self) -> None:
        from ordnum_desktop.services.roster.workbook import write_roster_template

        path = self.ctx.prompts.save_file("Modèle d'effectif", "modele-effectif.xlsx", XLSX_FILTER)
        if path and self.ctx.run("Modèle d'effectif", write_roster_template, Path(path)) is not None:
            self.ctx.say(f"Modèle enregistré dans « {path} ».")

    def index_of(self, doctor_id: int, field: str) -> QModelIndex:
        """The view index of a doctor's cell (tests and the rules panel use it)."""
        row = self.model.row_of(doctor_id)
        assert row is not None
        return self.proxy.mapFromSource(self.model.index(row, FIELD_COLUMN[field]))
