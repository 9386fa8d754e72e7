"""Consumer-council totals: what a council's members may consume, for planning budgets."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import Decimal
from typing import TypeVar

from pareconapp.core.i18n import QT_TRANSLATE_NOOP
from pareconapp.core.remuneration._common import user_error
from pareconapp.core.remuneration.formula import PeriodRemuneration
from pareconapp.core.remuneration.rounding import NO_CENTS

CouncilId = TypeVar("CouncilId", bound=Hashable)


def council_totals(
    remuneration: PeriodRemuneration, council_of: Mapping[int, CouncilId | None]
) -> dict[CouncilId, Decimal]:
    """Each consumer council's budget: the sum of its members' allowances (shares and needs).

    ``council_of`` maps a member id to the id of the consumer council the member belongs to.
    Councils appear in the order their first member appears in ``remuneration``; the totals
    add up to ``remuneration.total`` exactly.

    Raises:
        UserError: naming a member who belongs to no consumer council.
    """
    totals: dict[CouncilId, Decimal] = {}
    for allowance in remuneration.members:
        council = council_of.get(allowance.member_id)
        if council is None:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Remuneration",
                    "{member} belongs to no consumer council, so their allowance of {amount} "
                    "cannot go into a council's budget. Add them to one first.",
                ),
                member=allowance.name,
                amount=str(allowance.total),
            )
        totals[council] = totals.get(council, NO_CENTS) + allowance.total
    return totals
