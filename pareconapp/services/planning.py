"""Participatory planning: planning years, the goods catalogue, and a council's proposals.

A planning year of this assembly plays one role: a worker council, a consumer council or the
IFB (:class:`~pareconapp.store.models_planning.PlanningRole`). This service holds what every
role shares (years, catalogue, rounds, history) and the councils' side: importing the IFB's
round file, drafting the proposal with live SB/SC or budget checks, putting it to a vote of
the assembly (a decision linked to the proposal) and exporting it as a proposal file. The IFB's
side is :attr:`PlanningService.ifb` (:mod:`.planning_ifb`); the walk-through with a simulated
rest-of-economy is :attr:`PlanningService.practice` (:mod:`.planning_practice`). Both load
numpy, which this module avoids so that opening an assembly stays fast.

The rules themselves (SB, SC, budgets, file formats, rounds) are in
:mod:`pareconapp.core.planning_exchange`; documentation in ``docs/exchange-files.md``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pareconapp import __version__
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.core.planning_exchange.accounts import (
    ConsumerAccount,
    Line,
    LineChange,
    WorkerAccount,
    add_lines,
    check_consumer_lines,
    check_quantity,
    check_worker_lines,
    consumer_account,
    line_changes,
    worker_account,
)
from pareconapp.core.planning_exchange.catalogue import (
    Catalogue,
    Good,
    check_code,
    make_catalogue,
)
from pareconapp.core.planning_exchange.files import (
    CouncilEntry,
    CouncilKind,
    DecisionNote,
    Header,
    ProposalFile,
    RoundFile,
    RoundStatus,
    Sender,
    check_round_context,
    parse_document,
    proposal_file_bytes,
    read_round_file,
    round_file_from_document,
)
from pareconapp.services.clock import Clock, system_clock
from pareconapp.services.planning_csv import parse_councils_csv, parse_goods_csv
from pareconapp.services.planning_rows import (
    DEFAULT_RULE,
    PRICE_RULE_NAMES,
    BudgetSource,
    ConsumerBudget,
    ConsumptionSource,
    DecisionLink,
    ExportedFile,
    GoodFields,
    HistoryRound,
    PlanHistory,
    ProposalRow,
    RoundView,
    YearFields,
    YearRow,
    year_slug,
)
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models import (
    AgendaItem,
    Council,
    Decision,
    DecisionStatus,
    Meeting,
    Member,
)
from pareconapp.store.models_planning import (
    PlanningAllowance,
    PlanningCouncil,
    PlanningGood,
    PlanningLine,
    PlanningMemberRequest,
    PlanningProposal,
    PlanningRole,
    PlanningRound,
    PlanningYear,
    ProposalSource,
    RoundState,
    YearStatus,
)

__all__ = [
    "DEFAULT_RULE",
    "PRICE_RULE_NAMES",
    "BudgetSource",
    "ConsumerBudget",
    "DecisionLink",
    "ExportedFile",
    "GoodFields",
    "HistoryRound",
    "PlanHistory",
    "PlanningService",
    "ProposalRow",
    "RoundView",
    "YearFields",
    "YearRow",
    "catalogue_of",
    "exported_lines",
    "get_year",
    "own_proposal_row",
    "parse_councils_csv",
    "parse_goods_csv",
    "proposal_row",
    "store_round_file",
    "year_slug",
]

if TYPE_CHECKING:
    from pareconapp.services.decisions import DecisionService
    from pareconapp.services.planning_ifb import IfbService
    from pareconapp.services.planning_practice import PracticeService
    from pareconapp.services.remuneration import RemunerationService


# -- the service ---------------------------------------------------------------------------------


class PlanningService:
    """Planning years, the catalogue, rounds and this assembly's own proposals."""

    def __init__(
        self,
        file: AssemblyFile,
        clock: Clock = system_clock,
        decisions: DecisionService | None = None,
        remuneration: RemunerationService | None = None,
    ) -> None:
        self._file = file
        self._clock = clock
        self._decisions = decisions
        self._remuneration = remuneration

    @cached_property
    def ifb(self) -> IfbService:
        """The IFB's side: importing proposals, closing rounds, reports, plan variants."""
        from pareconapp.services.planning_ifb import IfbService

        return IfbService(self._file, self._clock, self)

    @cached_property
    def practice(self) -> PracticeService:
        """Walk-throughs with a simulated rest-of-economy."""
        from pareconapp.services.planning_practice import PracticeService

        return PracticeService(self._file, self._clock, self)

    def now(self) -> datetime:
        """The service's clock (for file headers)."""
        return self._clock()

    # -- years ---------------------------------------------------------------------------

    def years(self) -> list[YearRow]:
        """Every planning year, newest first."""
        with self._file.transaction() as session:
            years = session.scalars(select(PlanningYear).order_by(PlanningYear.id.desc()))
            return [_year_row(session, year) for year in years]

    def year(self, year_id: int) -> YearRow:
        """One planning year."""
        with self._file.transaction() as session:
            return _year_row(session, get_year(session, year_id))

    def create_year(self, fields: YearFields, *, practice: bool = False) -> int:
        """Create a planning year; an IFB's starts with round 1 (prices from the catalogue)."""
        fields = checked_year_fields(fields)
        with self._file.transaction() as session:
            if session.scalar(select(PlanningYear.id).where(PlanningYear.name == fields.name)):
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", 'There is already a planning year "{name}".'),
                    name=fields.name,
                )
            if fields.council_id is not None and session.get(Council, fields.council_id) is None:
                raise user_error(QT_TRANSLATE_NOOP("Planning", "That council no longer exists."))
            year = PlanningYear(
                name=fields.name,
                role=fields.role,
                code=fields.code,
                display_name=fields.display_name,
                council_id=fields.council_id,
                rule=fields.rule,
                threshold=fields.threshold,
                max_rounds=fields.max_rounds,
                practice=practice,
                status=YearStatus.OPEN,
                created_at=self._clock(),
            )
            session.add(year)
            if fields.role is PlanningRole.IFB:
                year.rounds.append(PlanningRound(number=1, prices={}, opened_at=self._clock()))
            session.flush()
            return year.id

    def update_settings(self, year_id: int, rule: str, threshold: float, max_rounds: int) -> None:
        """Change the IFB's price rule, threshold and round limit while planning goes on."""
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            _require_open(year)
            checked = checked_year_fields(
                YearFields(
                    year.name,
                    year.role,
                    year.code,
                    year.display_name,
                    None,
                    rule,
                    threshold,
                    max_rounds,
                )
            )
            year.rule, year.threshold, year.max_rounds = (
                checked.rule,
                checked.threshold,
                checked.max_rounds,
            )

    def delete_year(self, year_id: int) -> None:
        """Delete a planning year with its rounds and proposals (decisions stay)."""
        with self._file.transaction() as session:
            session.delete(get_year(session, year_id))

    def find_year(self, name: str | None) -> YearRow:
        """The year called ``name``, or the newest one (``None`` or ``"last"``)."""
        years = self.years()
        if not years:
            raise user_error(
                QT_TRANSLATE_NOOP("Planning", "This assembly has no planning year yet.")
            )
        if name in (None, "last"):
            return years[0]
        for year in years:
            if year.name == name:
                return year
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning", 'There is no planning year "{name}"; planning years: {names}.'
            ),
            name=name,
            names=", ".join(y.name for y in years),
        )

    # -- catalogue and councils ----------------------------------------------------------

    def goods(self, year_id: int) -> list[GoodFields]:
        """The catalogue with starting prices and fixed supplies, in order."""
        with self._file.transaction() as session:
            return [_good_fields(g) for g in get_year(session, year_id).goods]

    def catalogue(self, year_id: int) -> Catalogue:
        """The year's catalogue."""
        with self._file.transaction() as session:
            return catalogue_of(get_year(session, year_id))

    def set_goods(self, year_id: int, goods: Sequence[GoodFields]) -> None:
        """Replace an IFB's catalogue (until the first proposal arrives); round 1's prices."""
        make_catalogue(g.good for g in goods)
        for good in goods:
            _check_good_numbers(good)
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            _require_role(year, PlanningRole.IFB)
            if year.practice or _has_proposals(session, year):
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Planning",
                        "The catalogue can no longer change: councils have answered its prices.",
                    )
                )
            existing = {g.code: g for g in year.goods}
            year.goods[:] = [
                _apply_good(existing.get(g.code) or PlanningGood(code=g.code), g, position)
                for position, g in enumerate(goods)
            ]
            if len(year.rounds) == 1:
                year.rounds[0].prices = {g.code: g.start_price for g in goods}

    def import_goods_csv(self, year_id: int, text: str) -> int:
        """Replace the catalogue from CSV (``code,name,category,unit,start_price,fixed_supply``)."""
        goods = parse_goods_csv(text)
        self.set_goods(year_id, goods)
        return len(goods)

    def councils(self, year_id: int) -> list[CouncilEntry]:
        """The councils an IFB knows, in order."""
        with self._file.transaction() as session:
            return [
                CouncilEntry(c.code, c.name, CouncilKind(c.kind))
                for c in get_year(session, year_id).councils
            ]

    def set_councils(self, year_id: int, councils: Sequence[CouncilEntry]) -> None:
        """Replace an IFB's list of councils (one whose proposal arrived must stay)."""
        seen: set[str] = set()
        for number, council in enumerate(councils, 1):
            check_code(council.id, f"council {number}")
            if council.id in seen:
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", 'The council code "{code}" is used twice.'),
                    code=council.id,
                )
            seen.add(council.id)
            if not council.name.strip():
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", 'The council "{code}" needs a name.'),
                    code=council.id,
                )
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            _require_role(year, PlanningRole.IFB)
            answered = set(
                session.scalars(
                    select(PlanningProposal.council_code)
                    .join(PlanningRound)
                    .where(PlanningRound.year_id == year.id)
                )
            )
            missing = sorted(answered - seen)
            if missing:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Planning",
                        "{codes} sent proposals this year and must stay on the list.",
                    ),
                    codes=", ".join(missing),
                )
            replace_rows(
                session,
                year.councils,
                [
                    PlanningCouncil(
                        code=c.id, name=c.name.strip(), kind=c.kind.value, position=position
                    )
                    for position, c in enumerate(councils)
                ],
            )

    def import_councils_csv(self, year_id: int, text: str) -> int:
        """Replace the councils from CSV (``code,name,kind``)."""
        councils = parse_councils_csv(text)
        self.set_councils(year_id, councils)
        return len(councils)

    # -- rounds --------------------------------------------------------------------------

    def round_view(self, year_id: int, number: int | None = None) -> RoundView | None:
        """Round ``number`` (the current one by default); ``None`` before the first."""
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            rounds = {r.number: r for r in year.rounds}
            if not rounds:
                return None
            chosen = rounds.get(max(rounds) if number is None else number)
            if chosen is None:
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", "There is no round {number}."), number=number
                )
            return _round_view(year, chosen)

    def history(self, year_id: int) -> PlanHistory:
        """Prices and totals of every round so far (for convergence and price charts)."""
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            catalogue = catalogue_of(year)
            rounds: dict[int, HistoryRound] = {}
            for row in year.rounds:
                if row.received is not None:
                    received = round_file_from_document(row.received)
                    if not row.final:  # the final file repeats the last round's prices
                        rounds.setdefault(
                            row.number, HistoryRound(row.number, dict(row.prices), None, None)
                        )
                    last = {g.good.code: g.last for g in received.goods if g.last is not None}
                    if last and row.number > 1:
                        rounds[row.number - 1] = HistoryRound(
                            row.number - 1,
                            {code: t.price for code, t in last.items()},
                            {code: t.supply for code, t in last.items()},
                            {code: t.demand for code, t in last.items()},
                        )
                elif not row.final:
                    totals = row.totals or {}
                    rounds[row.number] = HistoryRound(
                        row.number, dict(row.prices), totals.get("supply"), totals.get("demand")
                    )
            return PlanHistory(
                catalogue.goods, tuple(rounds[n] for n in sorted(rounds)), year.threshold
            )

    # -- a council's side: the IFB's round file ---------------------------------------------

    def import_round_file(self, year_id: int, data: bytes, source: str) -> RoundView:
        """Import the IFB's round file: prices, last round's totals, comparisons, reports.

        Refused with nothing stored: a damaged, changed or malformed file, a newer format,
        another year, another IFB, or a round not newer than the last one imported.
        """
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            _require_council(year)
            if year.practice:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Planning",
                        "A walk-through's rounds come from its simulated IFB; use Next round.",
                    )
                )
        round_file = read_round_file(data, source)
        document = parse_document(data, source)
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            last = max((r.number for r in year.rounds), default=None)
            check_round_context(round_file, year.name, last, year.ifb_code or None, source)
            store_round_file(year, round_file, document, self._clock())
            session.flush()
            return _round_view(year, year.rounds[-1])

    # -- a council's side: the proposal --------------------------------------------------------

    def own_proposal(self, year_id: int) -> ProposalRow | None:
        """This assembly's proposal for the current round (a draft copied from the last one)."""
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            current = _current_round(year)
            if current is None or current.final:
                previous = _last_own(year)
                return None if previous is None else proposal_row(session, previous)
            return proposal_row(session, own_proposal_row(session, year, current, self._clock()))

    def previous_proposal(self, year_id: int) -> ProposalRow | None:
        """This assembly's proposal of the round before the current one."""
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            current = _current_round(year)
            if current is None:
                return None
            earlier = [r for r in year.rounds if r.number < current.number]
            for row in reversed(earlier):
                own = _own_of(row, year.code)
                if own is not None:
                    return proposal_row(session, own)
            return None

    def set_lines(self, year_id: int, lines: Sequence[Line], note: str | None = None) -> None:
        """Replace the current proposal's lines (a consumer council's: collective requests)."""
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            proposal = self._editable_proposal(session, year)
            catalogue = catalogue_of(year)
            kept = [line for line in lines if line.supplied or line.demanded]
            if year.role is PlanningRole.WORKER:
                check_worker_lines(kept, catalogue)
            else:
                check_consumer_lines(kept, catalogue)
            goods = {g.code: g for g in year.goods}
            replace_rows(
                session,
                proposal.lines,
                [
                    PlanningLine(
                        good_id=goods[line.good].id, supplied=line.supplied, demanded=line.demanded
                    )
                    for line in kept
                ],
            )
            if note is not None:
                proposal.note = note.strip()
            self._refresh_decision_text(session, year, proposal)

    def changes(self, year_id: int) -> list[LineChange]:
        """How the current proposal differs from the last round's."""
        now = self.own_proposal(year_id)
        before = self.previous_proposal(year_id)
        return line_changes(self._exported_lines(now), self._exported_lines(before))

    def worker_account(self, year_id: int) -> WorkerAccount:
        """SB, SC and SB/SC of the current proposal at the current prices."""
        proposal = self.own_proposal(year_id)
        view = self.round_view(year_id)
        if proposal is None or view is None:
            return WorkerAccount(0.0, 0.0)
        return worker_account(proposal.lines, view.prices)

    # -- a consumer council's members ------------------------------------------------------

    def set_budget_source(self, year_id: int, source: BudgetSource) -> None:
        """Where the consumer council's budget comes from."""
        if source.amount is not None:
            check_quantity(source.amount, "budget")
        check_quantity(source.factor, "factor")
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            _require_role(year, PlanningRole.CONSUMER)
            year.budget = {
                "period_id": source.period_id,
                "factor": source.factor,
                "amount": source.amount,
            }

    def set_allowance(self, year_id: int, member_id: int, amount: float | None) -> None:
        """Enter a member's allowance by hand (``None``: take it from remuneration again)."""
        if amount is not None:
            check_quantity(amount, "allowance")
        with self._file.transaction() as session:
            get_year(session, year_id)
            row = session.get(PlanningAllowance, (year_id, member_id))
            if amount is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(PlanningAllowance(year_id=year_id, member_id=member_id, amount=amount))
            else:
                row.amount = amount

    def consumer_budget(self, year_id: int) -> ConsumerBudget:
        """The council's members with their allowances, and its budget."""
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            source = _budget_source(year)
            members = tuple(
                session.execute(
                    select(Member.id, Member.display_name)
                    .where(Member.active, Member.consumer_council_id == year.council_id)
                    .order_by(Member.display_name)
                ).all()
            )
            entered = {
                row.member_id: row.amount
                for row in session.scalars(
                    select(PlanningAllowance).where(PlanningAllowance.year_id == year_id)
                )
            }
            council_id = year.council_id
        base: dict[int, float] = {}
        base_budget: float | None = None
        if source.period_id is not None and self._remuneration is not None and council_id:
            table = self._remuneration.table(source.period_id).remuneration
            base = {m.member_id: float(m.total) * source.factor for m in table.members}
            budgets = self._remuneration.council_budgets(source.period_id)
            base_budget = float(budgets.get(council_id, 0)) * source.factor
        allowances = {
            m: entered[m] if m in entered else base[m]
            for m, _ in members
            if m in entered or m in base
        }
        if source.amount is not None:
            budget: float | None = source.amount
        elif base_budget is not None:
            budget = base_budget + sum(
                entered[m] - base.get(m, 0.0) for m, _ in members if m in entered
            )
        elif entered:
            budget = sum(allowances.values())
        else:
            budget = None
        return ConsumerBudget(
            source,
            tuple((int(m), str(name)) for m, name in members),
            allowances,
            frozenset(entered),
            budget,
        )

    def member_requests(self, year_id: int, member_id: int) -> list[Line]:
        """One member's own requests in the current proposal (private to this assembly)."""
        proposal = self.own_proposal(year_id)
        if proposal is None:
            return []
        with self._file.transaction() as session:
            rows = session.scalars(
                select(PlanningMemberRequest).where(
                    PlanningMemberRequest.proposal_id == proposal.id,
                    PlanningMemberRequest.member_id == member_id,
                )
            )
            return [Line(r.good.code, 0.0, r.quantity) for r in rows]

    def set_member_requests(self, year_id: int, member_id: int, lines: Sequence[Line]) -> None:
        """Replace one member's own requests (private goods only)."""
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            _require_role(year, PlanningRole.CONSUMER)
            proposal = self._editable_proposal(session, year)
            kept = [line for line in lines if line.demanded]
            check_consumer_lines(kept, catalogue_of(year), private_only=True)
            member = session.get(Member, member_id)
            if member is None or member.consumer_council_id != year.council_id:
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", "That member is not in this consumer council.")
                )
            goods = {g.code: g for g in year.goods}
            others = [r for r in proposal.member_requests if r.member_id != member_id]
            replace_rows(
                session,
                proposal.member_requests,
                [
                    PlanningMemberRequest(
                        member_id=r.member_id, good_id=r.good_id, quantity=r.quantity
                    )
                    for r in others
                ]
                + [
                    PlanningMemberRequest(
                        member_id=member_id, good_id=goods[line.good].id, quantity=line.demanded
                    )
                    for line in kept
                ],
            )
            self._refresh_decision_text(session, year, proposal)

    def consumer_account(self, year_id: int) -> ConsumerAccount:
        """Every member's requests against their allowance; the total against the budget."""
        budget = self.consumer_budget(year_id)
        proposal = self.own_proposal(year_id)
        view = self.round_view(year_id)
        catalogue = self.catalogue(year_id)
        requests: dict[int, list[Line]] = {}
        collective: Sequence[Line] = ()
        if proposal is not None:
            collective = proposal.lines
            requests = self._member_requests(proposal.id)
        return consumer_account(
            requests,
            dict(budget.members),
            budget.allowances,
            collective,
            budget.budget,
            view.prices if view else {},
            catalogue,
            view.consumer_councils if view else 1,
        )

    def _member_requests(self, proposal_id: int) -> dict[int, list[Line]]:
        """Every member's own requests in a consumer council's proposal."""
        requests: dict[int, list[Line]] = {}
        with self._file.transaction() as session:
            for row in session.scalars(
                select(PlanningMemberRequest).where(
                    PlanningMemberRequest.proposal_id == proposal_id
                )
            ):
                requests.setdefault(row.member_id, []).append(
                    Line(row.good.code, 0.0, row.quantity)
                )
        return requests

    def consumption_sources(self) -> list[ConsumptionSource]:
        """Consumer-council years whose members asked for goods: where impact can come from.

        Newest first; each with the goods members asked for, by code and name.
        """
        sources: list[ConsumptionSource] = []
        for year in self.years():
            if year.role is not PlanningRole.CONSUMER:
                continue
            proposal = self.own_proposal(year.id)
            requests = self._member_requests(proposal.id) if proposal is not None else {}
            codes = {line.good for lines in requests.values() for line in lines}
            if not codes:
                continue
            names = {good.code: good.name for good in self.catalogue(year.id).goods}
            goods = tuple(sorted(((c, names.get(c, c)) for c in codes), key=lambda g: g[1]))
            sources.append(ConsumptionSource(year.id, year.name, goods))
        return sources

    def consumption_of_goods(self, year_id: int, goods: Collection[str]) -> dict[int, Fraction]:
        """Each member's own requests of ``goods`` in the year's proposal, at this round's prices.

        For impact assessment (``core.decisions.impacts_from_quantities``): members who asked
        for none of the goods get 0.

        Raises:
            UserError: the year has no round yet, or a good has no price in it.
        """
        from pareconapp.core.decisions import consumption_of_goods

        view = self.round_view(year_id)
        proposal = self.own_proposal(year_id)
        if view is None or proposal is None:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    "That planning year has no round yet, so nobody has asked for goods.",
                )
            )
        requests = {
            member: {line.good: line.demanded for line in lines}
            for member, lines in self._member_requests(proposal.id).items()
        }
        return consumption_of_goods(requests, view.prices, goods)

    # -- a council's side: the vote and the file -------------------------------------------------

    def put_to_vote(self, year_id: int, meeting_id: int | None = None) -> int:
        """Create the assembly's decision on the current proposal; link it to the proposal.

        The decision (simple majority, secret ballot) goes to ``meeting_id``, or to the next
        planned meeting, on its planning-round item if it has one. Impact, ballot and result
        follow on the Decisions page.
        """
        from pareconapp.services.decisions import DecisionFields

        if self._decisions is None:
            raise RuntimeError("the planning service was built without decisions")
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            proposal = self._editable_proposal(session, year)
            if not proposal.lines and not proposal.member_requests:
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", "The proposal is empty: add its goods first.")
                )
            if proposal.decision_id is not None:
                decision = session.get(Decision, proposal.decision_id)
                if decision is not None and decision.status in (
                    DecisionStatus.DRAFT,
                    DecisionStatus.ASSESSED,
                ):
                    return decision.id
            meeting_id = meeting_id or _next_meeting(session)
            item_id = _planning_item(session, meeting_id)
            title, text = self._decision_text(year, proposal)
            proposal_id = proposal.id
        decision_id = self._decisions.create(
            DecisionFields(title, text, meeting_id=meeting_id, agenda_item_id=item_id)
        )
        with self._file.transaction() as session:
            row = session.get(PlanningProposal, proposal_id)
            assert row is not None
            row.decision_id = decision_id
        return decision_id

    def new_draft(self, year_id: int) -> None:
        """Unlink the proposal from its vote so it can change (the decision stays on record)."""
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            current = _open_round(year)
            proposal = own_proposal_row(session, year, current, self._clock())
            link = _decision_link(session, proposal)
            if link is not None and link.voting:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Planning", "The vote on the proposal is open; close or withdraw it first."
                    )
                )
            proposal.decision_id = None

    def export_proposal(self, year_id: int) -> ExportedFile:
        """The current proposal as a proposal file for the IFB (its hash is recorded).

        A consumer council's file holds only its total requests (members' own requests stay
        here) and its budget. Refused while the vote is open or after it was rejected.
        """
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            _require_council(year)
            current = _open_round(year)
            proposal = own_proposal_row(session, year, current, self._clock())
            link = _decision_link(session, proposal)
            if link is not None and link.voting:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Planning", "The vote on the proposal is still open; close it first."
                    )
                )
            if link is not None and link.rejected:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Planning",
                        "The assembly did not adopt this proposal; change it (New draft) and "
                        "vote again.",
                    )
                )
            lines = exported_lines(proposal)
            if not lines:
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", "The proposal is empty: add its goods first.")
                )
            decision_id = proposal.decision_id
            round_number = current.number
            header = Header(
                year.name,
                round_number,
                Sender(year.code, year.display_name),
                __version__,
                self._clock().isoformat(),
            )
            kind = CouncilKind(year.role.value)
            note = proposal.note
        budget = members = None
        if kind is CouncilKind.CONSUMER:
            info = self.consumer_budget(year_id)
            budget, members = info.budget, len(info.members)
        decision = None
        if link is not None and link.passed and decision_id is not None:
            assert self._decisions is not None
            row = self._decisions.decision(decision_id)
            closed = row.closed_at.isoformat() if row.closed_at else ""
            decision = DecisionNote(row.title, "passed", closed, row.id)
        data = proposal_file_bytes(
            ProposalFile(header, kind, tuple(lines), None, budget, members, decision, note)
        )
        from hashlib import sha256

        with self._file.transaction() as session:
            year = get_year(session, year_id)
            proposal = own_proposal_row(session, year, _open_round(year), self._clock())
            proposal.file_sha256 = sha256(data).hexdigest()
            proposal.exported_at = self._clock()
            proposal.budget, proposal.members = budget, members
        name = f"plan-{year_slug(header.planning_year)}-round-{round_number:02d}-{header.sender.id}"
        return ExportedFile(data, f"{name}.proposal.json")

    # -- helpers that need the service -------------------------------------------------------

    def _exported_lines(self, row: ProposalRow | None) -> list[Line]:
        if row is None:
            return []
        with self._file.transaction() as session:
            proposal = session.get(PlanningProposal, row.id)
            return [] if proposal is None else exported_lines(proposal)

    def _editable_proposal(self, session: Session, year: PlanningYear) -> PlanningProposal:
        _require_council(year)
        current = _open_round(year)
        proposal = own_proposal_row(session, year, current, self._clock())
        link = _decision_link(session, proposal)
        if link is not None and (link.voting or link.passed):
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    "The assembly has voted on this proposal (or is voting); start a new draft "
                    "to change it.",
                )
            )
        if link is not None and link.rejected:
            proposal.decision_id = None
        return proposal

    def _decision_text(self, year: PlanningYear, proposal: PlanningProposal) -> tuple[str, str]:
        current = proposal.round
        prices = dict(current.prices)
        catalogue = catalogue_of(year)
        lines = exported_lines(proposal)
        if year.role is PlanningRole.WORKER:
            title = f"Plan {year.name}, round {current.number}: our production proposal"
            account = worker_account(lines, prices)
            ratio = "-" if account.ratio is None else f"{account.ratio:.2f}"
            summary = (
                f"<p>Social benefit SB {account.benefit:,.2f}, social cost SC "
                f"{account.cost:,.2f}, SB/SC {ratio} at the IFB's indicative prices.</p>"
            )
        else:
            title = f"Plan {year.name}, round {current.number}: our council's requests"
            summary = ""
        rows = "".join(
            f"<tr><td>{_escape(catalogue.good(line.good).name)}</td>"
            f"<td align='right'>{line.supplied:,.2f}</td>"
            f"<td align='right'>{line.demanded:,.2f}</td>"
            f"<td align='right'>{prices.get(line.good, 0.0):,.2f}</td></tr>"
            for line in lines
        )
        text = (
            f"<p>Proposal of {_escape(year.display_name)} for round {current.number} of the "
            f"planning year {_escape(year.name)}.</p>{summary}"
            "<table border='1' cellspacing='0' cellpadding='3'><tr><th>Good</th><th>Offered</th>"
            f"<th>Asked for</th><th>Price</th></tr>{rows}</table>"
        )
        if proposal.note:
            text += f"<p>{_escape(proposal.note)}</p>"
        return title, text

    def _refresh_decision_text(
        self, session: Session, year: PlanningYear, proposal: PlanningProposal
    ) -> None:
        """Keep a draft decision's text equal to the proposal it decides."""
        if proposal.decision_id is None:
            return
        decision = session.get(Decision, proposal.decision_id)
        if decision is None or decision.status not in (
            DecisionStatus.DRAFT,
            DecisionStatus.ASSESSED,
        ):
            return
        session.flush()
        decision.title, decision.text = self._decision_text(year, proposal)


# -- module helpers (shared with the IFB and practice services) ------------------------------------


def replace_rows(session: Session, rows: list[Any], new_rows: Sequence[Any]) -> None:
    """Replace a collection's rows (old ones deleted first, so unique keys may repeat)."""
    rows.clear()
    session.flush()
    rows.extend(new_rows)


def get_year(session: Session, year_id: int) -> PlanningYear:
    """The year ``year_id``, or a ``UserError`` if it was deleted."""
    year = session.get(PlanningYear, year_id)
    if year is None:
        raise user_error(QT_TRANSLATE_NOOP("Planning", "That planning year no longer exists."))
    return year


def checked_year_fields(fields: YearFields) -> YearFields:
    """``fields`` trimmed and checked; a ``UserError`` naming the first problem."""
    name = fields.name.strip()
    if not name or len(name) > 80:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", "Name: a planning year needs a name of 1-80 characters.")
        )
    code = check_code(fields.code.strip(), "Code")
    display = fields.display_name.strip()
    if not display:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", "Name in the federation: it cannot be empty.")
        )
    if fields.rule not in PRICE_RULE_NAMES:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", "Unknown price rule {name}; the rules are {rules}."),
            name=fields.rule,
            rules=", ".join(PRICE_RULE_NAMES),
        )
    if not 0 < fields.threshold < 2:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning", "Threshold: between 0 and 2 (e.g. 0.05 for 5 %), not {value}."
            ),
            value=fields.threshold,
        )
    if not 1 <= fields.max_rounds <= 10000:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", "Round limit: from 1 to 10000, not {value}."),
            value=fields.max_rounds,
        )
    return YearFields(
        name,
        fields.role,
        code,
        display,
        fields.council_id,
        fields.rule,
        fields.threshold,
        fields.max_rounds,
    )


def catalogue_of(year: PlanningYear) -> Catalogue:
    """The year's goods as a core catalogue."""
    return Catalogue(tuple(Good(g.code, g.name, g.category, g.unit) for g in year.goods))


def _good_fields(good: PlanningGood) -> GoodFields:
    return GoodFields(
        good.code, good.name, good.category, good.unit, good.start_price, good.fixed_supply
    )


def _apply_good(row: PlanningGood, good: GoodFields, position: int) -> PlanningGood:
    row.code, row.name, row.category, row.unit = (
        good.code,
        good.name.strip(),
        good.category,
        good.unit,
    )
    row.start_price, row.position = good.start_price, position
    row.fixed_supply = good.fixed_supply if good.category.fixed_supply else None
    return row


def _check_good_numbers(good: GoodFields) -> None:
    if not good.start_price > 0 or good.start_price == float("inf"):
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning", '"{code}": the starting price must be more than 0, not {value}.'
            ),
            code=good.code,
            value=good.start_price,
        )
    if good.fixed_supply is not None:
        check_quantity(good.fixed_supply, good.code)


def _require_role(year: PlanningYear, role: PlanningRole) -> None:
    if year.role is not role:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning", 'In "{name}" this assembly is a {role}; that is not its part.'
            ),
            name=year.name,
            role=_ROLE_NAMES[year.role],
        )


_ROLE_NAMES = {
    PlanningRole.WORKER: "worker council",
    PlanningRole.CONSUMER: "consumer council",
    PlanningRole.IFB: "IFB",
}


def _require_council(year: PlanningYear) -> None:
    if year.role is PlanningRole.IFB:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning",
                'In "{name}" this assembly is the IFB: councils draft their proposals in '
                "their own assemblies and send them as files.",
            ),
            name=year.name,
        )


def _require_open(year: PlanningYear) -> None:
    if year.status is YearStatus.FINAL:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", 'The plan of "{name}" is final.'), name=year.name
        )


def _current_round(year: PlanningYear) -> PlanningRound | None:
    return year.rounds[-1] if year.rounds else None


def _open_round(year: PlanningYear) -> PlanningRound:
    current = _current_round(year)
    if current is None:
        raise user_error(
            QT_TRANSLATE_NOOP(
                "Planning", "No round yet: import the IFB's round file to see its prices."
            )
        )
    if current.final or year.status is YearStatus.FINAL:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", 'The plan of "{name}" is final; no more proposals.'),
            name=year.name,
        )
    if current.state is not RoundState.OPEN:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", "Round {number} is closed."), number=current.number
        )
    return current


def _own_of(row: PlanningRound, code: str) -> PlanningProposal | None:
    return next(
        (p for p in row.proposals if p.source is ProposalSource.OWN and p.council_code == code),
        None,
    )


def _last_own(year: PlanningYear) -> PlanningProposal | None:
    for row in reversed(year.rounds):
        own = _own_of(row, year.code)
        if own is not None:
            return own
    return None


def own_proposal_row(
    session: Session, year: PlanningYear, current: PlanningRound, now: datetime
) -> PlanningProposal:
    """This assembly's proposal for ``current``, created from the last round's if missing."""
    own = _own_of(current, year.code)
    if own is not None:
        return own
    previous = _last_own(year)
    own = PlanningProposal(
        council_code=year.code,
        kind=year.role.value,
        source=ProposalSource.OWN,
        note=previous.note if previous else "",
        created_at=now,
    )
    if previous is not None:
        own.lines = [
            PlanningLine(good_id=line.good_id, supplied=line.supplied, demanded=line.demanded)
            for line in previous.lines
        ]
        own.member_requests = [
            PlanningMemberRequest(member_id=r.member_id, good_id=r.good_id, quantity=r.quantity)
            for r in previous.member_requests
        ]
    current.proposals.append(own)
    session.flush()
    return own


def exported_lines(proposal: PlanningProposal) -> list[Line]:
    """The lines that leave the assembly: a consumer council's members' requests summed in."""
    own = [Line(line.good.code, line.supplied, line.demanded) for line in proposal.lines]
    members = [Line(r.good.code, 0.0, r.quantity) for r in proposal.member_requests]
    return add_lines(members, own) if members else own


def _decision_link(session: Session, proposal: PlanningProposal) -> DecisionLink | None:
    if proposal.decision_id is None:
        return None
    decision = session.get(Decision, proposal.decision_id)
    if decision is None:
        return None
    outcome = (decision.result or {}).get("outcome")
    return DecisionLink(decision.id, decision.title, decision.status, outcome)


def proposal_row(session: Session, proposal: PlanningProposal) -> ProposalRow:
    """A proposal as the screens show it."""
    note = proposal.decision_note
    return ProposalRow(
        id=proposal.id,
        round_number=proposal.round.number,
        council_code=proposal.council_code,
        kind=CouncilKind(proposal.kind),
        lines=tuple(Line(line.good.code, line.supplied, line.demanded) for line in proposal.lines),
        decision=_decision_link(session, proposal),
        decision_note=None
        if note is None
        else DecisionNote(note["title"], note["outcome"], note["closed_at"], note["reference"]),
        budget=proposal.budget,
        members=proposal.members,
        note=proposal.note,
        has_responses=proposal.responses is not None,
        file_name=proposal.file_name,
        file_sha256=proposal.file_sha256,
        created_at=proposal.created_at,
        exported_at=proposal.exported_at,
    )


def _has_proposals(session: Session, year: PlanningYear) -> bool:
    count = session.scalar(
        select(func.count())
        .select_from(PlanningProposal)
        .join(PlanningRound)
        .where(PlanningRound.year_id == year.id)
    )
    return bool(count)


def _budget_source(year: PlanningYear) -> BudgetSource:
    data: Mapping[str, Any] = year.budget or {}
    return BudgetSource(data.get("period_id"), float(data.get("factor", 1.0)), data.get("amount"))


def _year_row(session: Session, year: PlanningYear) -> YearRow:
    council = session.get(Council, year.council_id) if year.council_id else None
    current = _current_round(year)
    return YearRow(
        id=year.id,
        fields=YearFields(
            year.name,
            year.role,
            year.code,
            year.display_name,
            year.council_id,
            year.rule,
            year.threshold,
            year.max_rounds,
        ),
        ifb_code=year.ifb_code,
        practice=year.practice,
        status=year.status,
        council_name=council.name if council else "",
        current_round=current.number if current else None,
        budget=_budget_source(year),
    )


def store_round_file(
    year: PlanningYear,
    round_file: RoundFile,
    document: Mapping[str, Any],
    now: datetime,
) -> PlanningRound:
    """Keep a council's round file: its goods in the catalogue, its round as the current one."""
    goods = {g.code: g for g in year.goods}
    for entry in round_file.goods:
        good = entry.good
        known = goods.get(good.code)
        if known is not None and known.category is not good.category:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    'The round file makes "{code}" a {found}; it was a {expected}. Ask the IFB '
                    "why; nothing was imported.",
                ),
                code=good.code,
                found=good.category.value,
                expected=known.category.value,
            )
        if known is None:
            known = PlanningGood(code=good.code, category=good.category, position=len(year.goods))
            year.goods.append(known)
            goods[good.code] = known
        known.name, known.unit, known.start_price = good.name, good.unit, entry.price
    for row in year.rounds:
        if row.state is RoundState.OPEN:
            row.state, row.closed_at = RoundState.CLOSED, now
    row = PlanningRound(
        number=round_file.header.round,
        prices={g.good.code: g.price for g in round_file.goods},
        final=round_file.status is RoundStatus.FINAL,
        received=dict(document),
        file_sha256=str(document.get("sha256", "")) or None,
        opened_at=now,
    )
    year.rounds.append(row)
    if not year.ifb_code:
        year.ifb_code = round_file.header.sender.id
    if row.final:
        year.status = YearStatus.FINAL
    return row


def _round_view(year: PlanningYear, row: PlanningRound) -> RoundView:
    if row.received is not None:
        received = round_file_from_document(row.received)
        return RoundView(
            number=row.number,
            state=row.state,
            final=row.final,
            prices=dict(row.prices),
            last={g.good.code: g.last for g in received.goods if g.last is not None},
            totals=_totals(row),
            comparisons=received.comparisons,
            questions=received.questions,
            variants=received.variants,
            councils=received.councils,
            consumer_councils=received.consumer_councils,
            rule=received.rule,
            threshold=received.threshold,
            max_rounds=received.max_rounds,
            sender=received.header.sender.name,
            note=received.note,
            opened_at=row.opened_at,
            closed_at=row.closed_at,
        )
    from pareconapp.services.planning_ifb import ifb_round_file

    round_file = ifb_round_file(year, row, row.opened_at)
    return RoundView(
        number=row.number,
        state=row.state,
        final=row.final,
        prices=dict(row.prices),
        last={g.good.code: g.last for g in round_file.goods if g.last is not None},
        totals=_totals(row),
        comparisons=round_file.comparisons,
        questions=round_file.questions,
        variants=round_file.variants,
        councils=round_file.councils,
        consumer_councils=round_file.consumer_councils,
        rule=year.rule,
        threshold=year.threshold,
        max_rounds=year.max_rounds,
        sender=year.display_name,
        note=round_file.note,
        opened_at=row.opened_at,
        closed_at=row.closed_at,
    )


def _totals(row: PlanningRound) -> tuple[dict[str, float], dict[str, float]] | None:
    if row.totals is None:
        return None
    return dict(row.totals["supply"]), dict(row.totals["demand"])


def _next_meeting(session: Session) -> int | None:
    from pareconapp.core.meetings import MeetingStatus

    return session.scalar(
        select(Meeting.id)
        .where(Meeting.status.in_((MeetingStatus.IN_SESSION, MeetingStatus.PLANNED)))
        .order_by(Meeting.starts_at)
        .limit(1)
    )


def _planning_item(session: Session, meeting_id: int | None) -> int | None:
    from pareconapp.core.meetings import AgendaKind

    if meeting_id is None:
        return None
    return session.scalar(
        select(AgendaItem.id)
        .where(AgendaItem.meeting_id == meeting_id, AgendaItem.kind == AgendaKind.PLANNING_ROUND)
        .order_by(AgendaItem.position)
        .limit(1)
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
