"""The Iteration Facilitation Board's side of a planning year.

Import a round's proposal files (each checked: schema, version, year and round, a known
council, no duplicate, hash intact; a bad file is refused with its reason and stores
nothing), see which councils are missing, close the round (supply, demand and imbalance per
good; new prices by the year's price rule; comparison data and parecon's "who says no"),
write the next round file, and when planning stops, the final plan with 2-5 feasible
variants. Closing is split into a snapshot (:meth:`IfbService.prepare_close`), pure
computation (:func:`compute_close`, which the GUI runs in the background) and storing the
result (:meth:`IfbService.store_close`); :meth:`IfbService.close_round` does all three.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pareconapp import __version__
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage, user_error
from pareconapp.core.planning import price_rule
from pareconapp.core.planning.arrays import FloatArray
from pareconapp.core.planning_exchange.accounts import (
    Line,
    consumer_cost,
    over_budget,
    worker_account,
)
from pareconapp.core.planning_exchange.catalogue import Catalogue, by_code
from pareconapp.core.planning_exchange.files import (
    Comparison,
    CouncilEntry,
    CouncilKind,
    Header,
    LastTotals,
    ProposalContext,
    Question,
    QuestionReason,
    RoundFile,
    RoundGood,
    RoundStatus,
    Sender,
    Variant,
    VariantGood,
    check_proposal_context,
    read_proposal_file,
    round_file_bytes,
)
from pareconapp.core.planning_exchange.rounds import (
    ClosedRound,
    CouncilProposal,
    GoodBalance,
    close_round,
    comparison_entries,
    comparisons,
    out_of_balance,
    questions,
    round_totals,
)
from pareconapp.core.planning_exchange.simulated import (
    economy_from_bytes,
    simulated_comparison_entries,
    simulated_entities,
    simulated_totals,
)
from pareconapp.core.planning_exchange.variants import (
    grouped_entities,
    plan_variants,
    proposal_entities,
)
from pareconapp.core.progress import Progress
from pareconapp.services.clock import Clock
from pareconapp.services.planning import (
    ExportedFile,
    PlanningService,
    ProposalRow,
    catalogue_of,
    get_year,
    proposal_row,
    year_slug,
)
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models_planning import (
    PlanningCouncil,
    PlanningEconomy,
    PlanningGood,
    PlanningLine,
    PlanningProposal,
    PlanningRole,
    PlanningRound,
    PlanningYear,
    ProposalSource,
    RoundState,
    YearStatus,
)


@dataclass(frozen=True)
class ReceivedProposal:
    """A proposal the IFB imported, valued at the round's prices."""

    council: CouncilEntry
    proposal: ProposalRow
    benefit: float
    cost: float
    """Worker councils: SC; consumer councils: what the requests cost."""

    @property
    def ratio(self) -> float | None:
        """Worker councils: SB/SC."""
        if self.council.kind is not CouncilKind.WORKER or self.cost <= 0:
            return None
        return self.benefit / self.cost

    @property
    def over_budget(self) -> bool:
        """Consumer councils: whether the requests cost more than the budget."""
        budget = self.proposal.budget
        return budget is not None and over_budget(self.cost, budget)

    @property
    def decided(self) -> bool:
        """Whether the council says it adopted the proposal by a vote."""
        note = self.proposal.decision_note
        return note is not None and note.outcome == "passed"


@dataclass(frozen=True)
class ImportReport:
    """What happened to each file of an import."""

    imported: tuple[tuple[str, str], ...]
    """``(file, council code)`` of every file imported."""
    refused: tuple[tuple[str, UserMessage], ...]
    """``(file, why)`` of every file refused (nothing of it was stored)."""


@dataclass(frozen=True)
class RoundReport:
    """A closed round: totals, the goods out of balance and "who says no"."""

    number: int
    supply: Mapping[str, float]
    demand: Mapping[str, float]
    out_of_balance: tuple[GoodBalance, ...]
    questions: tuple[Question, ...]
    comparisons: tuple[Comparison, ...]
    largest_imbalance: float
    within_threshold: bool
    final: bool


@dataclass(frozen=True)
class CloseJob:
    """Everything closing a round needs, read from the assembly file (no session)."""

    year_id: int
    number: int
    catalogue: Catalogue
    prices: tuple[float, ...]
    fixed_supply: tuple[float, ...]
    proposals: tuple[CouncilProposal, ...]
    consumer_councils: int
    rule: str
    state: Mapping[str, Any] | None
    threshold: float
    max_rounds: int
    economy: bytes | None


@dataclass(frozen=True)
class CloseResult:
    """What closing computed: the closed round and its reports."""

    closed: ClosedRound
    comparisons: tuple[Comparison, ...]
    questions: tuple[Question, ...]
    simulated: Mapping[str, Any] | None


class IfbService:
    """Imports, round closing, reports, round files and plan variants of an IFB."""

    def __init__(self, file: AssemblyFile, clock: Clock, planning: PlanningService) -> None:
        self._file = file
        self._clock = clock
        self._planning = planning

    # -- proposals received --------------------------------------------------------------

    def received(self, year_id: int, number: int | None = None) -> list[ReceivedProposal]:
        """The proposals imported for round ``number`` (the current round by default)."""
        with self._file.transaction() as session:
            year = _ifb_year(session, year_id)
            row = _round(year, number)
            catalogue = catalogue_of(year)
            prices = dict(row.prices)
            councils = {c.code: c for c in year.councils}
            consumers = _consumer_count(year, row)
            result = []
            proposals = session.scalars(
                select(PlanningProposal)
                .where(PlanningProposal.round_id == row.id)
                .order_by(PlanningProposal.id)
                .options(selectinload(PlanningProposal.lines).joinedload(PlanningLine.good))
            )
            for proposal in proposals:
                council = councils.get(proposal.council_code)
                entry = CouncilEntry(
                    proposal.council_code,
                    council.name if council else proposal.council_code,
                    CouncilKind(proposal.kind),
                )
                lines = [Line(x.good.code, x.supplied, x.demanded) for x in proposal.lines]
                if entry.kind is CouncilKind.WORKER:
                    account = worker_account(lines, prices)
                    benefit, cost = account.benefit, account.cost
                else:
                    benefit, cost = 0.0, consumer_cost(lines, prices, catalogue, consumers)
                result.append(
                    ReceivedProposal(entry, proposal_row(session, proposal), benefit, cost)
                )
            return result

    def missing(self, year_id: int) -> list[CouncilEntry]:
        """Known councils whose proposal for the open round has not arrived."""
        with self._file.transaction() as session:
            year = _ifb_year(session, year_id)
            row = _round(year, None)
            arrived = {p.council_code for p in row.proposals}
            return [
                CouncilEntry(c.code, c.name, CouncilKind(c.kind))
                for c in year.councils
                if c.code not in arrived
            ]

    def import_proposal_file(self, year_id: int, data: bytes, source: str) -> str:
        """Import one proposal file for the open round; return the council's code.

        Refused with a ``UserError`` and nothing stored: a damaged, changed or malformed file,
        a newer format, another year or round, an unknown council, or a second proposal of
        the same council.
        """
        proposal = read_proposal_file(data, source)
        with self._file.transaction() as session:
            year = _ifb_year(session, year_id)
            row = _open_ifb_round(year)
            # targeted queries: an IFB imports thousands of files into one round
            councils = session.execute(
                select(PlanningCouncil.code, PlanningCouncil.kind).where(
                    PlanningCouncil.year_id == year.id
                )
            ).all()
            received = session.scalars(
                select(PlanningProposal.council_code).where(PlanningProposal.round_id == row.id)
            ).all()
            goods = dict(
                session.execute(
                    select(PlanningGood.code, PlanningGood.id).where(
                        PlanningGood.year_id == year.id
                    )
                ).all()
            )
            context = ProposalContext(
                year.name,
                row.number,
                {code: CouncilKind(kind) for code, kind in councils},
                frozenset(received),
                frozenset(goods),
            )
            check_proposal_context(proposal, context, source)
            note = proposal.decision
            responses = proposal.responses
            session.add(
                PlanningProposal(
                    round_id=row.id,
                    council_code=proposal.council,
                    kind=proposal.kind.value,
                    source=ProposalSource.IMPORTED,
                    decision_note=None
                    if note is None
                    else {
                        "title": note.title,
                        "outcome": note.outcome,
                        "closed_at": note.closed_at,
                        "reference": note.reference,
                    },
                    responses=None
                    if responses is None
                    else {
                        "supply": [list(r) for r in responses[0]],
                        "demand": [list(r) for r in responses[1]],
                    },
                    budget=proposal.budget,
                    members=proposal.members,
                    note=proposal.note,
                    file_sha256=hashlib.sha256(data).hexdigest(),
                    file_name=Path(source).name[:300],
                    created_at=self._clock(),
                    lines=[
                        PlanningLine(
                            good_id=goods[line.good],
                            supplied=line.supplied,
                            demanded=line.demanded,
                        )
                        for line in proposal.lines
                    ],
                )
            )
            return proposal.council

    def import_files(self, year_id: int, files: Sequence[tuple[str, bytes]]) -> ImportReport:
        """Import several files; each bad one is refused on its own, with its reason."""
        imported: list[tuple[str, str]] = []
        refused: list[tuple[str, UserMessage]] = []
        for source, data in files:
            try:
                imported.append((source, self.import_proposal_file(year_id, data, source)))
            except UserError as error:
                refused.append((source, error.message))
        return ImportReport(tuple(imported), tuple(refused))

    def import_paths(self, year_id: int, paths: Sequence[Path]) -> ImportReport:
        """Import files and every ``*.json`` file of folders among ``paths``."""
        files: list[tuple[str, bytes]] = []
        unreadable: list[tuple[str, UserMessage]] = []
        for path in paths:
            members = sorted(path.glob("*.json")) if path.is_dir() else [path]
            for member in members:
                try:
                    files.append((str(member), member.read_bytes()))
                except OSError as error:
                    unreadable.append(
                        (
                            str(member),
                            UserMessage(
                                QT_TRANSLATE_NOOP("Planning", "Cannot read {file}: {reason}"),
                                {"file": str(member), "reason": error.strerror or str(error)},
                            ),
                        )
                    )
        report = self.import_files(year_id, files)
        return ImportReport(report.imported, tuple(unreadable) + report.refused)

    def remove_proposal(self, year_id: int, council: str) -> None:
        """Take back an imported proposal of the open round (e.g. to import a corrected one)."""
        with self._file.transaction() as session:
            year = _ifb_year(session, year_id)
            row = _open_ifb_round(year)
            for proposal in row.proposals:
                if proposal.council_code == council:
                    row.proposals.remove(proposal)
                    return

    # -- closing a round -----------------------------------------------------------------

    def prepare_close(self, year_id: int, rule: str | None = None) -> CloseJob:
        """A snapshot of the open round for :func:`compute_close` (optionally another rule)."""
        with self._file.transaction() as session:
            year = _ifb_year(session, year_id)
            row = _open_ifb_round(year)
            if rule is not None and rule != year.rule:
                self._planning_settings(year, rule)
            return close_job(session, year, row, _council_proposals(row), _real_consumers(year))

    def store_close(self, job: CloseJob, result: CloseResult) -> RoundReport:
        """Store a computed close: the round's totals and reports, and the next round."""
        with self._file.transaction() as session:
            year = _ifb_year(session, job.year_id)
            row = _open_ifb_round(year)
            if row.number != job.number:
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", "Round {number} was closed meanwhile."),
                    number=job.number,
                )
            store_closed_round(row, job, result, self._clock())
            next_row = PlanningRound(
                number=row.number + 1,
                prices=by_code(
                    job.catalogue,
                    result.closed.prices if result.closed.final else result.closed.next_prices,
                ),
                final=result.closed.final,
                rule_state=state_json(result.closed.state),
                simulated=_counts(row.simulated),
                opened_at=self._clock(),
            )
            year.rounds.append(next_row)
            if result.closed.final:
                year.status = YearStatus.FINAL
                next_row.report = {"note": _final_note(result.closed)}
        return self.report(job.year_id, job.number)

    def close_round(
        self, year_id: int, rule: str | None = None, progress: Progress | None = None
    ) -> RoundReport:
        """Close the open round (see the module docstring)."""
        job = self.prepare_close(year_id, rule)
        return self.store_close(job, compute_close(job, progress))

    def report(self, year_id: int, number: int | None = None) -> RoundReport:
        """The report of a closed round (the last closed one by default)."""
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            closed = [r for r in year.rounds if r.totals is not None]
            if not closed:
                raise user_error(QT_TRANSLATE_NOOP("Planning", "No round has been closed yet."))
            row = closed[-1] if number is None else _round(year, number)
            if row.totals is None:
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", "Round {number} is not closed yet."),
                    number=row.number,
                )
            return round_report(year, row)

    # -- files and the plan ----------------------------------------------------------------

    def round_file(self, year_id: int) -> ExportedFile:
        """The current round's file (the next prices, or the final plan) to send out."""
        with self._file.transaction() as session:
            year = _ifb_year(session, year_id)
            row = year.rounds[-1]
            if not row.prices or not year.goods:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Planning", "Set up the goods catalogue before sending round 1."
                    )
                )
            data = round_file_bytes(ifb_round_file(year, row, self._clock()))
            row.file_sha256 = hashlib.sha256(data).hexdigest()
            name = f"plan-{year_slug(year.name)}-round-{row.number:02d}"
            return ExportedFile(data, f"{name}{'-final' if row.final else ''}.round.json")

    def build_variants(self, year_id: int) -> tuple[Variant, ...]:
        """Build 2-5 feasible plan variants from the last round (once planning stopped)."""
        with self._file.transaction() as session:
            year = _ifb_year(session, year_id)
            final = year.rounds[-1]
            if not final.final:
                raise user_error(
                    QT_TRANSLATE_NOOP(
                        "Planning",
                        "Plan variants come when planning stops (every good within the "
                        "threshold, or the round limit).",
                    )
                )
            last = year.rounds[-2]
            catalogue = catalogue_of(year)
            prices = np.array([last.prices[c] for c in catalogue.codes])
            proposals = _council_proposals(last)
            consumers = _consumer_count(year, last)
            entities = proposal_entities(catalogue, prices, proposals, consumers)
            economy_data = _economy_data(session, year)
            if economy_data is not None:
                economy = economy_from_bytes(economy_data)
                entities += grouped_entities(
                    simulated_entities(economy, prices), catalogue, consumers
                )
            variants = plan_variants(catalogue, entities, np.array(_fixed_supply(year)))
            final.report = {
                **(final.report or {}),
                "variants": [_variant_json(v) for v in variants],
            }
            return tuple(variants)

    def _planning_settings(self, year: PlanningYear, rule: str) -> None:
        price_rule(rule)  # a UserError naming the rules if unknown
        year.rule = rule


# -- shared with the walk-through ------------------------------------------------------------------


def compute_close(job: CloseJob, progress: Progress | None = None) -> CloseResult:
    """Close a round from a snapshot: pure computation, safe to run in the background."""
    rule = price_rule(job.rule)
    goods = len(job.catalogue)
    prices = np.array(job.prices, dtype=np.float64)
    if progress is not None:
        progress.report(0, 3, "")
    simulated = None
    simulated_info: dict[str, Any] | None = None
    entries = comparison_entries(job.catalogue, prices, job.proposals)
    if job.economy is not None:
        economy = economy_from_bytes(job.economy)
        if progress is not None:
            progress.report(1, 3, "")
        simulated = simulated_totals(economy, prices, rule.needs_responses)
        entries += simulated_comparison_entries(economy, job.catalogue, prices)
        simulated_info = {
            "consumer_councils": economy.consumer_count,
            "worker_councils": economy.worker_count,
            "supply": by_code(job.catalogue, simulated.supply),
            "demand": by_code(job.catalogue, simulated.demand),
        }
    totals = round_totals(
        job.catalogue,
        job.proposals,
        np.array(job.fixed_supply, dtype=np.float64),
        job.consumer_councils,
        simulated,
        zero_missing_responses=job.economy is not None,
    )
    if progress is not None:
        progress.report(2, 3, "")
    state = _state_arrays(job.state, rule.initial_state(goods))
    closed = close_round(job.number, prices, totals, rule, state, job.threshold, job.max_rounds)
    all_consumers = job.consumer_councils + (simulated.consumer_councils if simulated else 0)
    found = questions(job.catalogue, prices, job.proposals, all_consumers)
    if progress is not None:
        progress.report(3, 3, "")
    return CloseResult(closed, tuple(comparisons(entries)), tuple(found), simulated_info)


def close_job(
    session: Session,
    year: PlanningYear,
    row: PlanningRound,
    proposals: Sequence[CouncilProposal],
    consumer_councils: int,
) -> CloseJob:
    """The snapshot of ``row`` for :func:`compute_close`."""
    catalogue = catalogue_of(year)
    if not len(catalogue):
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", "The goods catalogue is empty: add the goods first.")
        )
    return CloseJob(
        year_id=year.id,
        number=row.number,
        catalogue=catalogue,
        prices=tuple(float(row.prices[code]) for code in catalogue.codes),
        fixed_supply=tuple(_fixed_supply(year)),
        proposals=tuple(proposals),
        consumer_councils=consumer_councils,
        rule=year.rule,
        state=row.rule_state,
        threshold=year.threshold,
        max_rounds=year.max_rounds,
        economy=_economy_data(session, year),
    )


def store_closed_round(
    row: PlanningRound,
    job: CloseJob,
    result: CloseResult,
    now: datetime,
) -> None:
    """Record a computed close on ``row``."""
    closed = result.closed
    row.totals = {
        "supply": by_code(job.catalogue, closed.supply),
        "demand": by_code(job.catalogue, closed.demand),
    }
    row.report = {
        "comparisons": [_comparison_json(c) for c in result.comparisons],
        "questions": [
            {"council": q.council, "reason": q.reason.value, "value": q.value, "limit": q.limit}
            for q in result.questions
        ],
    }
    if result.simulated is not None:
        row.simulated = dict(result.simulated)
    row.state, row.closed_at = RoundState.CLOSED, now


def round_report(year: PlanningYear, row: PlanningRound) -> RoundReport:
    """The report of the closed round ``row``."""
    catalogue = catalogue_of(year)
    assert row.totals is not None
    supply = np.array([row.totals["supply"][c] for c in catalogue.codes])
    demand = np.array([row.totals["demand"][c] for c in catalogue.codes])
    report = row.report or {}
    gaps = np.abs(2 * (supply - demand)) / np.where(supply + demand > 0, supply + demand, 1.0)
    largest = float(gaps.max(initial=0.0))
    return RoundReport(
        number=row.number,
        supply=dict(row.totals["supply"]),
        demand=dict(row.totals["demand"]),
        out_of_balance=tuple(out_of_balance(catalogue, supply, demand, year.threshold)),
        questions=tuple(_question(q) for q in report.get("questions", [])),
        comparisons=tuple(_comparison(c) for c in report.get("comparisons", [])),
        largest_imbalance=largest,
        within_threshold=largest <= year.threshold,
        final=any(r.final for r in year.rounds if r.number == row.number + 1),
    )


def ifb_round_file(year: PlanningYear, row: PlanningRound, written_at: datetime) -> RoundFile:
    """The round file an IFB (or a walk-through's simulated IFB) sends for ``row``."""
    catalogue = catalogue_of(year)
    previous = next((r for r in year.rounds if r.number == row.number - 1), None)
    last: dict[str, LastTotals] = {}
    report: Mapping[str, Any] = {}
    if previous is not None and previous.totals is not None:
        report = previous.report or {}
        last = {
            code: LastTotals(
                float(previous.prices[code]),
                float(previous.totals["supply"][code]),
                float(previous.totals["demand"][code]),
            )
            for code in catalogue.codes
        }
    own_report = row.report or {}
    starts = {g.code: g.start_price for g in year.goods}
    return RoundFile(
        header=Header(
            year.name,
            row.number,
            Sender(year.code, year.display_name),
            __version__,
            written_at.isoformat(),
        ),
        status=RoundStatus.FINAL if row.final else RoundStatus.OPEN,
        rule=year.rule,
        needs_responses=price_rule(year.rule).needs_responses,
        threshold=year.threshold,
        max_rounds=year.max_rounds,
        consumer_councils=_consumer_count(year, row),
        goods=tuple(
            RoundGood(
                good, float(row.prices.get(good.code, starts[good.code])), last.get(good.code)
            )
            for good in catalogue.goods
        ),
        councils=tuple(CouncilEntry(c.code, c.name, CouncilKind(c.kind)) for c in year.councils),
        comparisons=tuple(_comparison(c) for c in report.get("comparisons", [])),
        questions=tuple(_question(q) for q in report.get("questions", [])),
        variants=tuple(_variant(v) for v in own_report.get("variants", [])),
        note=str(own_report.get("note", "")),
    )


# -- helpers ---------------------------------------------------------------------------------------


def _ifb_year(session: Session, year_id: int) -> PlanningYear:
    year = get_year(session, year_id)
    if year.role is not PlanningRole.IFB:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", 'In "{name}" this assembly is a council, not the IFB.'),
            name=year.name,
        )
    return year


def _round(year: PlanningYear, number: int | None) -> PlanningRound:
    if not year.rounds:
        raise user_error(QT_TRANSLATE_NOOP("Planning", "There is no round yet."))
    if number is None:
        return year.rounds[-1]
    for row in year.rounds:
        if row.number == number:
            return row
    raise user_error(QT_TRANSLATE_NOOP("Planning", "There is no round {number}."), number=number)


def _open_ifb_round(year: PlanningYear) -> PlanningRound:
    row = _round(year, None)
    if row.final or year.status is YearStatus.FINAL:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", 'Planning of "{name}" has stopped: the plan is final.'),
            name=year.name,
        )
    return row


def _real_consumers(year: PlanningYear) -> int:
    return sum(1 for c in year.councils if c.kind == CouncilKind.CONSUMER.value)


def _counts(simulated: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not simulated:
        return None
    return {
        "consumer_councils": simulated.get("consumer_councils", 0),
        "worker_councils": simulated.get("worker_councils", 0),
    }


def _consumer_count(year: PlanningYear, row: PlanningRound) -> int:
    simulated = (row.simulated or {}).get("consumer_councils", 0)
    return _real_consumers(year) + int(simulated)


def _fixed_supply(year: PlanningYear) -> list[float]:
    return [float(g.fixed_supply or 0.0) if g.category.fixed_supply else 0.0 for g in year.goods]


def _economy_data(session: Session, year: PlanningYear) -> bytes | None:
    if not year.practice:
        return None
    economy = session.get(PlanningEconomy, year.id)
    return None if economy is None else bytes(economy.data)


def council_proposal(
    proposal: PlanningProposal, lines: Sequence[Line] | None = None
) -> CouncilProposal:
    """A stored proposal as the core's :class:`CouncilProposal`."""
    responses = None
    if proposal.responses is not None:
        responses = (
            np.array(proposal.responses["supply"], dtype=np.float64),
            np.array(proposal.responses["demand"], dtype=np.float64),
        )
    note = proposal.decision_note or {}
    return CouncilProposal(
        proposal.council_code,
        CouncilKind(proposal.kind),
        tuple(
            lines
            if lines is not None
            else [Line(x.good.code, x.supplied, x.demanded) for x in proposal.lines]
        ),
        responses,
        proposal.budget,
        note.get("outcome") == "passed",
    )


def _council_proposals(row: PlanningRound) -> list[CouncilProposal]:
    return [council_proposal(p) for p in row.proposals]


def state_json(state: Mapping[str, FloatArray]) -> dict[str, Any]:
    """A price rule's memory as JSON (lists of floats)."""
    return {name: np.asarray(value).tolist() for name, value in state.items()}


def _state_arrays(
    stored: Mapping[str, Any] | None, initial: Mapping[str, FloatArray]
) -> dict[str, FloatArray]:
    """The stored memory of the rule, or its initial memory if it belongs to another rule."""
    if not stored or set(stored) != set(initial):
        return dict(initial)
    arrays = {name: np.array(value, dtype=np.float64) for name, value in stored.items()}
    if any(arrays[name].shape != np.shape(initial[name]) for name in arrays):
        return dict(initial)
    return arrays


def _final_note(closed: ClosedRound) -> str:
    if closed.within_threshold:
        return (
            f"Every good is within {closed.threshold:.1%} after round {closed.number}: "
            "the plan is feasible."
        )
    return (
        f"The round limit ({closed.max_rounds}) was reached; the largest imbalance is "
        f"{closed.largest_imbalance:.1%}."
    )


def _comparison_json(c: Comparison) -> dict[str, Any]:
    return {
        "good": c.good,
        "councils": c.councils,
        "median_output": c.median_output,
        "median_ratio": c.median_ratio,
        "lowest_ratio": c.lowest_ratio,
        "highest_ratio": c.highest_ratio,
    }


def _comparison(data: Mapping[str, Any]) -> Comparison:
    return Comparison(
        data["good"],
        int(data["councils"]),
        float(data["median_output"]),
        data["median_ratio"],
        data["lowest_ratio"],
        data["highest_ratio"],
    )


def _question(data: Mapping[str, Any]) -> Question:
    return Question(data["council"], QuestionReason(data["reason"]), data["value"], data["limit"])


def _variant_json(v: Variant) -> dict[str, Any]:
    return {
        "id": v.id,
        "name": v.name,
        "description": v.description,
        "goods": [{"good": g.good, "supply": g.supply, "demand": g.demand} for g in v.goods],
        "scales": dict(v.scales),
        "consumption": v.consumption,
        "lowest_share": v.lowest_share,
        "labour": v.labour,
        "emissions": v.emissions,
    }


def _variant(data: Mapping[str, Any]) -> Variant:
    return Variant(
        id=data["id"],
        name=data["name"],
        description=data["description"],
        goods=tuple(VariantGood(g["good"], g["supply"], g["demand"]) for g in data["goods"]),
        scales=dict(data["scales"]),
        consumption=data["consumption"],
        lowest_share=data["lowest_share"],
        labour=data["labour"],
        emissions=data["emissions"],
    )
