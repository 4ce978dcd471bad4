"""Problems found while reading utilization data; any problem rejects the whole import."""

import dataclasses

from django.utils.translation import gettext as _


@dataclasses.dataclass(frozen=True)
class Problem:
    """One rejected row (row 0 is the file as a whole), with a translated explanation."""

    row: int
    message: str

    def __str__(self):
        if self.row:
            return _("Row {row}: {message}").format(row=self.row, message=self.message)
        return self.message


class ProblemList(list):
    """Problems of one import, capped so that a wholly wrong file does not flood the report."""

    LIMIT = 200

    def __init__(self):
        super().__init__()
        self.total = 0

    def add(self, row, message):
        self.total += 1
        if len(self) < self.LIMIT:
            self.append(Problem(row, str(message)))
