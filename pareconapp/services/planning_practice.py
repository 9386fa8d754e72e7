"""Walking through planning offline with a simulated rest-of-economy.

A practice year keeps a generated economy (or the Pequod data of *Democratic Economic
Planning*) in the assembly file. Its councils answer every round's prices through the
planning engine; this assembly's own council answers by hand (a worker or consumer council
year), or the assembly plays the IFB and closes rounds as a real IFB would (an IFB year; the
simulated councils' totals are added when it closes a round). Each step closes the round with
the year's price rule and opens the next one, exactly as round files from a real IFB would:
the facilitator can step round by round on the projector and show how the assembly's own
proposal moved the totals (:meth:`PracticeService.contribution`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from pareconapp import __version__
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, user_error
from pareconapp.core.planning import Economy, GoodsLayout, generate_economy, read_economy
from pareconapp.core.planning_exchange.accounts import Line, imbalance_of
from pareconapp.core.planning_exchange.catalogue import GoodCategory
from pareconapp.core.planning_exchange.files import (
    CouncilEntry,
    CouncilKind,
    Header,
    LastTotals,
    RoundFile,
    RoundGood,
    RoundStatus,
    Sender,
    round_document,
)
from pareconapp.core.planning_exchange.simulated import (
    economy_catalogue,
    economy_to_bytes,
)
from pareconapp.core.progress import Progress
from pareconapp.services.clock import Clock
from pareconapp.services.planning import (
    PlanningService,
    RoundView,
    YearFields,
    exported_lines,
    get_year,
    own_proposal_row,
    store_round_file,
)
from pareconapp.services.planning_ifb import (
    CloseJob,
    CloseResult,
    close_job,
    compute_close,
    council_proposal,
    state_json,
    store_closed_round,
)
from pareconapp.store.assembly_file import AssemblyFile
from pareconapp.store.models_planning import (
    PlanningEconomy,
    PlanningGood,
    PlanningRole,
    PlanningRound,
    PlanningYear,
    RoundState,
)

DEP_START_PRICE = 700.0
"""Every price starts at 700 in the DEP experiments."""
SIMULATED_IFB = Sender("simulated-ifb", "Simulated IFB")


@dataclass(frozen=True)
class Contribution:
    """One good's totals in a closed practice round and this assembly's part of them."""

    good: str
    supply: float
    demand: float
    own_supply: float
    own_demand: float

    @property
    def imbalance(self) -> float:
        """The good's imbalance with this assembly's proposal."""
        return imbalance_of(self.supply, self.demand)

    @property
    def imbalance_without(self) -> float:
        """What the imbalance would have been without it."""
        return imbalance_of(self.supply - self.own_supply, self.demand - self.own_demand)


class PracticeService:
    """Create practice years and step through their rounds."""

    def __init__(self, file: AssemblyFile, clock: Clock, planning: PlanningService) -> None:
        self._file = file
        self._clock = clock
        self._planning = planning

    def create(self, fields: YearFields, economy: Economy, description: str = "") -> int:
        """A practice year with ``economy`` as the rest of the federation."""
        year_id = self._planning.create_year(fields, practice=True)
        catalogue = economy_catalogue(economy)
        supply = economy.fixed_supply()
        with self._file.transaction() as session:
            year = get_year(session, year_id)
            session.add(
                PlanningEconomy(
                    year_id=year_id, description=description, data=economy_to_bytes(economy)
                )
            )
            counts = {
                "consumer_councils": economy.consumer_count,
                "worker_councils": economy.worker_count,
            }
            if year.role is PlanningRole.IFB:
                year.goods[:] = [
                    PlanningGood(
                        code=good.code,
                        name=good.name,
                        category=good.category,
                        unit=good.unit,
                        position=position,
                        start_price=DEP_START_PRICE,
                        fixed_supply=float(supply[position])
                        if good.category.fixed_supply
                        else None,
                    )
                    for position, good in enumerate(catalogue.goods)
                ]
                first = year.rounds[0]
                first.prices = dict.fromkeys(catalogue.codes, DEP_START_PRICE)
                first.simulated = counts
                return year_id
            own = 1 if year.role is PlanningRole.CONSUMER else 0
            round_file = RoundFile(
                header=Header(year.name, 1, SIMULATED_IFB, __version__, self._clock().isoformat()),
                status=RoundStatus.OPEN,
                rule=year.rule,
                needs_responses=False,
                threshold=year.threshold,
                max_rounds=year.max_rounds,
                consumer_councils=economy.consumer_count + own,
                goods=tuple(RoundGood(good, DEP_START_PRICE) for good in catalogue.goods),
                councils=(_own_entry(year),),
            )
            row = store_round_file(year, round_file, round_document(round_file), self._clock())
            row.simulated = counts
            for position, good in enumerate(year.goods):
                good.fixed_supply = float(supply[position]) if good.category.fixed_supply else None
            return year_id

    def generate(
        self,
        fields: YearFields,
        *,
        seed: int = 1,
        consumer_councils: int = 60,
        worker_councils: int = 60,
        goods_per_kind: int = 3,
    ) -> int:
        """A practice year with a generated economy (the DEP experiments' distributions)."""
        if min(consumer_councils, worker_councils, goods_per_kind) < 1:
            raise user_error(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    "A simulated economy needs at least one council of each kind "
                    "and one good of each kind.",
                )
            )
        layout = GoodsLayout(*([goods_per_kind] * 5))
        economy = generate_economy(seed, consumer_councils, worker_councils, layout)
        description = (
            f"Generated (seed {seed}): {consumer_councils} consumer and {worker_councils} "
            f"worker councils, {layout.total} goods"
        )
        return self.create(fields, economy, description)

    def load(self, fields: YearFields, path: Path) -> int:
        """A practice year with the economy of a Pequod EDN or ``.npz`` file."""
        economy = read_economy(path)
        return self.create(
            fields,
            economy,
            f"{path.name}: {economy.consumer_count} consumer "
            f"and {economy.worker_count} worker councils",
        )

    def description(self, year_id: int) -> str:
        """What the simulated economy is."""
        with self._file.transaction() as session:
            economy = session.get(PlanningEconomy, year_id)
            return economy.description if economy else ""

    # -- stepping ------------------------------------------------------------------------

    def prepare_step(self, year_id: int) -> CloseJob:
        """A snapshot of the current round for :func:`compute_close`."""
        with self._file.transaction() as session:
            year = _practice_year(session, year_id)
            if year.role is PlanningRole.IFB:
                return self._planning.ifb.prepare_close(year_id)
            row = _open_row(year)
            own = own_proposal_row(session, year, row, self._clock())
            lines = exported_lines(own)
            proposals = []
            if lines:
                proposals.append(council_proposal(own, lines))
            consumers = 1 if year.role is PlanningRole.CONSUMER else 0
            return close_job(session, year, row, proposals, consumers)

    def store_step(self, job: CloseJob, result: CloseResult) -> RoundView:
        """Store a computed step and open the next round (or announce the plan)."""
        with self._file.transaction() as session:
            year = _practice_year(session, job.year_id)
            is_ifb = year.role is PlanningRole.IFB
        if is_ifb:
            self._planning.ifb.store_close(job, result)
        else:
            self._store_council_step(job, result)
        view = self._planning.round_view(job.year_id)
        assert view is not None
        return view

    def step(self, year_id: int, progress: Progress | None = None) -> RoundView:
        """Close the current round with the simulated councils and open the next one."""
        job = self.prepare_step(year_id)
        return self.store_step(job, compute_close(job, progress))

    def _store_council_step(self, job: CloseJob, result: CloseResult) -> None:
        now = self._clock()
        with self._file.transaction() as session:
            year = _practice_year(session, job.year_id)
            row = _open_row(year)
            if row.number != job.number:
                raise user_error(
                    QT_TRANSLATE_NOOP("Planning", "Round {number} was closed meanwhile."),
                    number=job.number,
                )
            store_closed_round(row, job, result, now)
            for proposal in row.proposals:
                proposal.exported_at = now
            closed = result.closed
            catalogue = job.catalogue
            prices = closed.prices if closed.final else closed.next_prices
            round_file = RoundFile(
                header=Header(
                    year.name, row.number + 1, SIMULATED_IFB, __version__, now.isoformat()
                ),
                status=RoundStatus.FINAL if closed.final else RoundStatus.OPEN,
                rule=year.rule,
                needs_responses=False,
                threshold=year.threshold,
                max_rounds=year.max_rounds,
                consumer_councils=job.consumer_councils
                + int((row.simulated or {}).get("consumer_councils", 0)),
                goods=tuple(
                    RoundGood(
                        good,
                        float(prices[i]),
                        LastTotals(
                            float(closed.prices[i]),
                            float(closed.supply[i]),
                            float(closed.demand[i]),
                        ),
                    )
                    for i, good in enumerate(catalogue.goods)
                ),
                councils=(_own_entry(year),),
                comparisons=result.comparisons,
                questions=result.questions,
                note=_note(closed.final, closed.within_threshold, row.number),
            )
            counts = {
                key: (row.simulated or {}).get(key, 0)
                for key in ("consumer_councils", "worker_councils")
            }
            next_row = store_round_file(year, round_file, round_document(round_file), now)
            next_row.rule_state = state_json(closed.state)
            next_row.simulated = counts

    def contribution(self, year_id: int, number: int | None = None) -> list[Contribution]:
        """Each good's totals in a closed round and this assembly's part of them."""
        with self._file.transaction() as session:
            year = _practice_year(session, year_id)
            closed = [r for r in year.rounds if r.totals is not None]
            if not closed:
                return []
            row = (
                closed[-1]
                if number is None
                else next((r for r in closed if r.number == number), closed[-1])
            )
            assert row.totals is not None
            own = next((p for p in row.proposals if p.council_code == year.code), None)
            lines = exported_lines(own) if own is not None else []
            public = {g.code for g in year.goods if g.category is GoodCategory.PUBLIC}
            sharing = max(
                1,
                int((row.simulated or {}).get("consumer_councils", 0))
                + (1 if year.role is PlanningRole.CONSUMER else 0),
            )
            mine = {line.good: line for line in lines}
            result = []
            for good in year.goods:
                line = mine.get(good.code, Line(good.code))
                demand = line.demanded / sharing if good.code in public else line.demanded
                result.append(
                    Contribution(
                        good.code,
                        float(row.totals["supply"][good.code]),
                        float(row.totals["demand"][good.code]),
                        line.supplied,
                        demand,
                    )
                )
            return result


def _practice_year(session: Session, year_id: int) -> PlanningYear:
    year = get_year(session, year_id)
    if not year.practice:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", '"{name}" is a real planning year, not a walk-through.'),
            name=year.name,
        )
    return year


def _open_row(year: PlanningYear) -> PlanningRound:
    row = year.rounds[-1] if year.rounds else None
    if row is None or row.final or row.state is not RoundState.OPEN:
        raise user_error(
            QT_TRANSLATE_NOOP("Planning", 'The walk-through "{name}" has reached its plan.'),
            name=year.name,
        )
    return row


def _own_entry(year: PlanningYear) -> CouncilEntry:
    return CouncilEntry(year.code, year.display_name, CouncilKind(year.role.value))


def _note(final: bool, within: bool, number: int) -> str:
    if not final:
        return ""
    if within:
        return f"Every good is within the threshold after round {number}: the plan is feasible."
    return f"The round limit was reached after round {number}."
