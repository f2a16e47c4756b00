"""Undoable roster edits (Édition ▸ Annuler / Rétablir). Each command is applied once before
being pushed, so that a refused edit never lands on the undo stack."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from ordnum_desktop.services.roster.doctors import add_doctor, delete_doctor, restore_doctor, update_doctor
from ordnum_desktop.ui.context import ROSTER, AppContext


class _Command(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._applied = True  # done by `apply` before the push

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.ctx.run(self.text(), self.forward)
        self.ctx.notify(ROSTER)

    def undo(self) -> None:
        self.ctx.run(self.text(), self.backward)
        self.ctx.notify(ROSTER)

    def forward(self) -> None:
        raise NotImplementedError

    def backward(self) -> None:
        raise NotImplementedError


class EditDoctor(_Command):
    """Undo and redo give back the version they left (row versions, team mode): an undo after
    someone else changed the row is refused rather than overwriting their change."""

    def __init__(
        self, ctx: AppContext, doctor_id: int, field: str, old: Any, new: Any, label: str, version: int
    ) -> None:
        super().__init__(ctx, f"modifier « {label} »")
        self.doctor_id, self.field, self.old, self.new = doctor_id, field, old, new
        self.version = version

    def forward(self) -> None:
        d = update_doctor(
            self.ctx.ws, self.doctor_id, expected_version=self.version, **{self.field: self.new}
        )
        self.version = d.version

    def backward(self) -> None:
        d = update_doctor(
            self.ctx.ws, self.doctor_id, expected_version=self.version, **{self.field: self.old}
        )
        self.version = d.version


class AddDoctor(_Command):
    def __init__(self, ctx: AppContext, doctor_id: int) -> None:
        super().__init__(ctx, "ajouter un médecin")
        self.doctor_id = doctor_id
        self.snapshot: dict[str, Any] | None = None

    def forward(self) -> None:
        if self.snapshot is not None:
            restore_doctor(self.ctx.ws, self.snapshot)

    def backward(self) -> None:
        self.snapshot = delete_doctor(self.ctx.ws, self.doctor_id)


class DeleteDoctor(_Command):
    def __init__(self, ctx: AppContext, snapshot: dict[str, Any], label: str) -> None:
        super().__init__(ctx, f"supprimer « {label} »")
        self.snapshot = snapshot

    def forward(self) -> None:
        self.snapshot = delete_doctor(self.ctx.ws, self.snapshot["id"])

    def backward(self) -> None:
        restore_doctor(self.ctx.ws, self.snapshot)


def edit_doctor(
    ctx: AppContext, doctor_id: int, field: str, old: Any, new: Any, label: str, version: int | None = None
) -> bool:
    """`version`: the doctor's version on screen; a refused save (someone else saved the row
    first, or any other refusal) reloads the table, which then shows what is stored."""
    saved = ctx.run(
        "Modifier l'effectif", update_doctor, ctx.ws, doctor_id, expected_version=version, **{field: new}
    )
    if saved is None:
        ctx.notify(ROSTER)
        return False
    ctx.undo_stack.push(EditDoctor(ctx, doctor_id, field, old, new, label, saved.version))
    ctx.notify(ROSTER)
    return True


def new_doctor(ctx: AppContext, **fields: Any) -> int | None:
    doctor = ctx.run("Ajouter un médecin", add_doctor, ctx.ws, ctx.preserie_id, **fields)
    if doctor is None:
        return None
    ctx.undo_stack.push(AddDoctor(ctx, doctor.id))
    ctx.notify(ROSTER)
    return doctor.id


def remove_doctor(ctx: AppContext, doctor_id: int, label: str) -> bool:
    snapshot = ctx.run("Supprimer un médecin", delete_doctor, ctx.ws, doctor_id)
    if snapshot is None:
        return False
    ctx.undo_stack.push(DeleteDoctor(ctx, snapshot, label))
    ctx.notify(ROSTER)
    return True
