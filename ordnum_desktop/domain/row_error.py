"""One rejected (or doubtful) row of an imported file: where it is and what is wrong with it.

The message is written once, without its location: each front end decides how to show the row
(the window's table has a Ligne column, the CLI text and the dialogs use `located()`, the JSON
report keeps the three fields of shared/spec/traces-format.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    column: str | None  # the header as written in the file; None when the whole row is at fault
    message: str

    def located(self) -> str:
        """« Ligne 17, colonne « Horodatage » : Date illisible … », the row named once."""
        if self.column:
            return f"Ligne {self.row}, colonne « {self.column} » : {self.message}"
        return f"Ligne {self.row} : {self.message}"

    def as_json(self) -> dict[str, int | str]:
        # The JSON contract has a text column: "" when the error is not about one column.
        return {"row": self.row, "column": self.column or "", "message": self.message}


__all__ = ["RowError"]
