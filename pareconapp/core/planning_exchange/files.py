"""Exchange files: round files (IFB -> councils) and proposal files (council -> IFB).

Both are versioned JSON documents (format in ``docs/exchange-files.md``, JSON Schemas in
``resources/schemas/``)::

    {"format": "parecon-planning-round", "version": 1, "app_version": "0.1.0",
     "planning_year": "2027", "round": 3, "sender": {"id": "...", "name": "..."},
     "written_at": "2027-02-01T18:00:00+00:00", "content": {...}, "sha256": "..."}

``sha256`` is the SHA-256 of the canonical JSON (keys sorted, no spaces, UTF-8; see
:func:`pareconapp.core.decisions.audit.canonical_json`) of every other field, so it covers
the content and the header. The file itself is that document written with two-space
indentation, sorted keys and ASCII only; a file whose text differs in any byte from what the
app writes is refused as changed (so any change is detected, even one that keeps the same
JSON values). Reading refuses, with a message naming the problem and storing nothing: a file
that is not UTF-8 JSON, the other kind of file, a newer format version, a schema violation, a
wrong hash or an altered text, and inconsistent content. Whether the year, round and sender
fit is checked by the caller (:func:`check_round_context`, :func:`check_proposal_context`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NoReturn

from pareconapp.core.canonical import canonical_json
from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserError, UserMessage, user_error
from pareconapp.core.planning_exchange.accounts import Line, imbalance_of
from pareconapp.core.planning_exchange.catalogue import Good, GoodCategory
from pareconapp.core.planning_exchange.schema import load_schema, validate

ROUND_FORMAT = "parecon-planning-round"
PROPOSAL_FORMAT = "parecon-planning-proposal"
FORMAT_VERSION = 1
"""The newest version of both formats this app reads and the one it writes."""
ROUND_SCHEMA = "round-file.schema.json"
PROPOSAL_SCHEMA = "proposal-file.schema.json"
MAX_FILE_BYTES = 64 * 1024 * 1024


class CouncilKind(StrEnum):
    """The two kinds of councils that send proposals."""

    WORKER = "worker"
    CONSUMER = "consumer"


class RoundStatus(StrEnum):
    """An open round asks councils for proposals; a final one announces the plan."""

    OPEN = "open"
    FINAL = "final"


class QuestionReason(StrEnum):
    """Why other councils should question a proposal ("who says no")."""

    RATIO = "ratio"
    """A worker council's SB/SC is below 1."""
    BUDGET = "budget"
    """A consumer council's requests cost more than its budget."""
    UNDECIDED = "undecided"
    """The council did not decide the proposal by a vote (or says nothing about it)."""


@dataclass(frozen=True)
class Sender:
    """Who wrote a file: the IFB or a council, by code and name."""

    id: str
    name: str


@dataclass(frozen=True)
class Header:
    """What every exchange file carries besides its content."""

    planning_year: str
    round: int
    sender: Sender
    app_version: str
    written_at: str


@dataclass(frozen=True)
class LastTotals:
    """A good's price, supply and demand in the round before."""

    price: float
    supply: float
    demand: float

    @property
    def imbalance(self) -> float:
        """``|2 (S - D)| / (S + D)`` (0 when both are 0)."""
        return imbalance_of(self.supply, self.demand)


@dataclass(frozen=True)
class RoundGood:
    """A good of the round file: the catalogue entry, its price now, and last round."""

    good: Good
    price: float
    last: LastTotals | None = None


@dataclass(frozen=True)
class CouncilEntry:
    """A council the IFB knows (only these may send proposals)."""

    id: str
    name: str
    kind: CouncilKind


@dataclass(frozen=True)
class Comparison:
    """Last round's worker councils that made the same good, for comparison."""

    good: str
    councils: int
    median_output: float
    median_ratio: float | None
    lowest_ratio: float | None
    highest_ratio: float | None


@dataclass(frozen=True)
class Question:
    """A proposal other councils should question, and why."""

    council: str
    reason: QuestionReason
    value: float | None = None
    limit: float | None = None


@dataclass(frozen=True)
class VariantGood:
    """A good's supply and demand in a plan variant."""

    good: str
    supply: float
    demand: float


@dataclass(frozen=True)
class Variant:
    """A feasible plan the federation may vote on."""

    id: str
    name: str
    description: str
    goods: tuple[VariantGood, ...]
    scales: Mapping[str, float]
    """How much of its proposal each council would carry out (1 = all of it)."""
    consumption: float
    """Consumer councils' requests met, as a share of their value at the final prices."""
    lowest_share: float
    """The smallest share of its requests any consumer council gets."""
    labour: float
    emissions: float


@dataclass(frozen=True)
class RoundFile:
    """What the IFB publishes for a round (or, with status ``final``, the plan)."""

    header: Header
    status: RoundStatus
    rule: str
    needs_responses: bool
    threshold: float
    max_rounds: int
    consumer_councils: int
    """How many consumer councils share the public goods (N)."""
    goods: tuple[RoundGood, ...]
    councils: tuple[CouncilEntry, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    questions: tuple[Question, ...] = ()
    variants: tuple[Variant, ...] = ()
    note: str = ""

    @property
    def prices(self) -> dict[str, float]:
        """The indicative price of every good by code."""
        return {g.good.code: g.price for g in self.goods}

    @property
    def largest_imbalance(self) -> float | None:
        """The largest imbalance of the round before (``None`` in round 1)."""
        values = [g.last.imbalance for g in self.goods if g.last is not None]
        return max(values) if values else None


@dataclass(frozen=True)
class DecisionNote:
    """How the council decided its proposal, as the file reports it."""

    title: str
    outcome: str
    closed_at: str
    reference: int


@dataclass(frozen=True)
class ProposalFile:
    """A council's proposal for a round."""

    header: Header
    kind: CouncilKind
    lines: tuple[Line, ...]
    responses: tuple[tuple[tuple[float, ...], ...], tuple[tuple[float, ...], ...]] | None = None
    """``(supply, demand)``: ``d quantity[i] / d ln price[j]`` over the lines' goods."""
    budget: float | None = None
    members: int | None = None
    decision: DecisionNote | None = None
    note: str = ""

    @property
    def council(self) -> str:
        """The sending council's code."""
        return self.header.sender.id


ExchangeFile = RoundFile | ProposalFile

# -- writing ---------------------------------------------------------------------------------


def file_text(document: Mapping[str, Any]) -> str:
    """The exact text of an exchange file holding ``document`` (with its hash)."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=True, allow_nan=False) + "\n"


def document_hash(document: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of every field but ``sha256``."""
    body = {key: value for key, value in document.items() if key != "sha256"}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def _envelope(kind: str, header: Header, content: dict[str, Any]) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": kind,
        "version": FORMAT_VERSION,
        "app_version": header.app_version,
        "planning_year": header.planning_year,
        "round": header.round,
        "sender": {"id": header.sender.id, "name": header.sender.name},
        "written_at": header.written_at,
        "content": content,
    }
    document["sha256"] = document_hash(document)
    return document


def round_document(round_file: RoundFile) -> dict[str, Any]:
    """The JSON document of ``round_file`` (with its hash)."""
    return _envelope(ROUND_FORMAT, round_file.header, round_content(round_file))


def round_file_bytes(round_file: RoundFile) -> bytes:
    """The bytes of ``round_file`` as the app writes it."""
    return file_text(round_document(round_file)).encode("ascii")


def round_file_from_document(document: Mapping[str, Any]) -> RoundFile:
    """A round file from a document already checked (e.g. kept in the assembly file)."""
    return _round_file(document, "")


def proposal_file_bytes(proposal: ProposalFile) -> bytes:
    """The bytes of ``proposal`` as the app writes it."""
    return file_text(
        _envelope(PROPOSAL_FORMAT, proposal.header, proposal_content(proposal))
    ).encode("ascii")


def round_content(round_file: RoundFile) -> dict[str, Any]:
    """The ``content`` object of a round file."""
    return {
        "status": round_file.status.value,
        "rule": round_file.rule,
        "needs_responses": round_file.needs_responses,
        "threshold": float(round_file.threshold),
        "max_rounds": round_file.max_rounds,
        "consumer_councils": round_file.consumer_councils,
        "goods": [
            {
                "id": g.good.code,
                "name": g.good.name,
                "category": g.good.category.value,
                "unit": g.good.unit,
                "price": float(g.price),
                "last": None
                if g.last is None
                else {
                    "price": float(g.last.price),
                    "supply": float(g.last.supply),
                    "demand": float(g.last.demand),
                },
            }
            for g in round_file.goods
        ],
        "councils": [
            {"id": c.id, "name": c.name, "kind": c.kind.value} for c in round_file.councils
        ],
        "comparisons": [
            {
                "good": c.good,
                "councils": int(c.councils),
                "median_output": float(c.median_output),
                "median_ratio": _optional_float(c.median_ratio),
                "lowest_ratio": _optional_float(c.lowest_ratio),
                "highest_ratio": _optional_float(c.highest_ratio),
            }
            for c in round_file.comparisons
        ],
        "questions": [
            {
                "council": q.council,
                "reason": q.reason.value,
                "value": _optional_float(q.value),
                "limit": _optional_float(q.limit),
            }
            for q in round_file.questions
        ],
        "variants": [_variant_json(v) for v in round_file.variants],
        "note": round_file.note,
    }


def _variant_json(variant: Variant) -> dict[str, Any]:
    return {
        "id": variant.id,
        "name": variant.name,
        "description": variant.description,
        "goods": [{"good": g.good, "supply": g.supply, "demand": g.demand} for g in variant.goods],
        "scales": [
            {"council": council, "scale": scale} for council, scale in variant.scales.items()
        ],
        "consumption": variant.consumption,
        "lowest_share": variant.lowest_share,
        "labour": variant.labour,
        "emissions": variant.emissions,
    }


def _optional_float(value: float | None) -> float | None:
    return None if value is None else float(value)


def proposal_content(proposal: ProposalFile) -> dict[str, Any]:
    """The ``content`` object of a proposal file."""
    decision = proposal.decision
    return {
        "kind": proposal.kind.value,
        "lines": [
            {"good": line.good, "supplied": float(line.supplied), "demanded": float(line.demanded)}
            for line in proposal.lines
        ],
        "responses": None
        if proposal.responses is None
        else {
            "supply": [[float(v) for v in row] for row in proposal.responses[0]],
            "demand": [[float(v) for v in row] for row in proposal.responses[1]],
        },
        "budget": _optional_float(proposal.budget),
        "members": proposal.members,
        "decision": None
        if decision is None
        else {
            "title": decision.title,
            "outcome": decision.outcome,
            "closed_at": decision.closed_at,
            "reference": decision.reference,
        },
        "note": proposal.note,
    }


# -- reading ---------------------------------------------------------------------------------


def _refuse(text: SourceText, source: str, **params: object) -> NoReturn:
    raise UserError(UserMessage(text, {"file": source, **params}))


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a number JSON allows")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f'the field "{key}" appears twice')
        result[key] = value
    return result


def parse_document(data: bytes, source: str) -> dict[str, Any]:
    """The JSON object of an exchange file, or a ``UserError`` saying why it is not one."""
    if len(data) > MAX_FILE_BYTES:
        _refuse(QT_TRANSLATE_NOOP("Planning", "{file} is too large for an exchange file."), source)
    try:
        text = data.decode("utf-8")
        document = json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates
        )
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                "{file} is not a readable exchange file (damaged or not JSON): {reason}",
            ),
            source,
            reason=str(error)[:200],
        )
    if not isinstance(document, dict):
        _refuse(
            QT_TRANSLATE_NOOP("Planning", "{file} is not an exchange file of this app."), source
        )
    return document


def read_exchange_file(data: bytes, source: str) -> ExchangeFile:
    """A round or proposal file from its bytes (see the module docstring for the checks)."""
    document = parse_document(data, source)
    kind = document.get("format")
    if kind == ROUND_FORMAT:
        return read_round_file(data, source)
    if kind == PROPOSAL_FORMAT:
        return read_proposal_file(data, source)
    _refuse(QT_TRANSLATE_NOOP("Planning", "{file} is not an exchange file of this app."), source)


def read_round_file(data: bytes, source: str) -> RoundFile:
    """A round file from its bytes; a ``UserError`` if it is not a sound one."""
    document = _checked_document(data, source, ROUND_FORMAT, ROUND_SCHEMA)
    return _round_file(document, source)


def read_proposal_file(data: bytes, source: str) -> ProposalFile:
    """A proposal file from its bytes; a ``UserError`` if it is not a sound one."""
    document = _checked_document(data, source, PROPOSAL_FORMAT, PROPOSAL_SCHEMA)
    return _proposal_file(document, source)


def _checked_document(data: bytes, source: str, kind: str, schema: str) -> dict[str, Any]:
    document = parse_document(data, source)
    found = document.get("format")
    if found != kind:
        if found == ROUND_FORMAT:
            _refuse(
                QT_TRANSLATE_NOOP("Planning", "{file} is a round file, not a proposal file."),
                source,
            )
        if found == PROPOSAL_FORMAT:
            _refuse(
                QT_TRANSLATE_NOOP("Planning", "{file} is a proposal file, not a round file."),
                source,
            )
        _refuse(
            QT_TRANSLATE_NOOP("Planning", "{file} is not an exchange file of this app."), source
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        _refuse(QT_TRANSLATE_NOOP("Planning", "{file} has no valid format version."), source)
    if version > FORMAT_VERSION:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                "{file} was written in version {version} of the exchange format by a newer "
                "version of the app (this one reads up to version {supported}). Update the "
                "app to read it; nothing was imported.",
            ),
            source,
            version=version,
            supported=FORMAT_VERSION,
        )
    validate(document, load_schema(schema), source)
    if document["sha256"] != document_hash(document):
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                "{file} has been changed since it was written: its content does not match "
                "its SHA-256 hash. Ask the sender for a fresh copy; nothing was imported.",
            ),
            source,
        )
    if data.decode("utf-8") != file_text(document):
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                "{file} has been changed since it was written: its text is not exactly as "
                "the app wrote it. Ask the sender for a fresh copy; nothing was imported.",
            ),
            source,
        )
    return document


def _header(document: Mapping[str, Any]) -> Header:
    sender = document["sender"]
    return Header(
        planning_year=document["planning_year"],
        round=document["round"],
        sender=Sender(sender["id"], sender["name"]),
        app_version=document["app_version"],
        written_at=document["written_at"],
    )


def _unique(codes: Sequence[str], source: str, what: SourceText) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise user_error(what, file=source, code=code)
        seen.add(code)


def _round_file(document: Mapping[str, Any], source: str) -> RoundFile:
    content = document["content"]
    goods = tuple(
        RoundGood(
            Good(g["id"], g["name"], GoodCategory(g["category"]), g["unit"]),
            float(g["price"]),
            None
            if g["last"] is None
            else LastTotals(
                float(g["last"]["price"]), float(g["last"]["supply"]), float(g["last"]["demand"])
            ),
        )
        for g in content["goods"]
    )
    councils = tuple(
        CouncilEntry(c["id"], c["name"], CouncilKind(c["kind"])) for c in content["councils"]
    )
    _unique(
        [g.good.code for g in goods],
        source,
        QT_TRANSLATE_NOOP("Planning", '{file}: the good "{code}" is listed twice.'),
    )
    _unique(
        [c.id for c in councils],
        source,
        QT_TRANSLATE_NOOP("Planning", '{file}: the council "{code}" is listed twice.'),
    )
    consumers = sum(1 for c in councils if c.kind is CouncilKind.CONSUMER)
    if content["consumer_councils"] < consumers:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                "{file}: consumer_councils is {count}, fewer than the {listed} consumer "
                "councils listed.",
            ),
            source,
            count=content["consumer_councils"],
            listed=consumers,
        )
    codes = {g.good.code for g in goods}
    variants = tuple(_variant(v) for v in content["variants"])
    named = [c["good"] for c in content["comparisons"]] + [
        g.good for v in variants for g in v.goods
    ]
    for code in named:
        if code not in codes:
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Planning", '{file} names the good "{code}", which it does not list.'
                ),
                source,
                code=code,
            )
    return RoundFile(
        header=_header(document),
        status=RoundStatus(content["status"]),
        rule=content["rule"],
        needs_responses=content["needs_responses"],
        threshold=float(content["threshold"]),
        max_rounds=content["max_rounds"],
        consumer_councils=content["consumer_councils"],
        goods=goods,
        councils=councils,
        comparisons=tuple(
            Comparison(
                c["good"],
                c["councils"],
                float(c["median_output"]),
                _float_or_none(c["median_ratio"]),
                _float_or_none(c["lowest_ratio"]),
                _float_or_none(c["highest_ratio"]),
            )
            for c in content["comparisons"]
        ),
        questions=tuple(
            Question(
                q["council"],
                QuestionReason(q["reason"]),
                _float_or_none(q["value"]),
                _float_or_none(q["limit"]),
            )
            for q in content["questions"]
        ),
        variants=variants,
        note=content["note"],
    )


def _variant(data: Mapping[str, Any]) -> Variant:
    return Variant(
        id=data["id"],
        name=data["name"],
        description=data["description"],
        goods=tuple(
            VariantGood(g["good"], float(g["supply"]), float(g["demand"])) for g in data["goods"]
        ),
        scales={s["council"]: float(s["scale"]) for s in data["scales"]},
        consumption=float(data["consumption"]),
        lowest_share=float(data["lowest_share"]),
        labour=float(data["labour"]),
        emissions=float(data["emissions"]),
    )


def _float_or_none(value: float | None) -> float | None:
    return None if value is None else float(value)


def _proposal_file(document: Mapping[str, Any], source: str) -> ProposalFile:
    content = document["content"]
    lines = tuple(
        Line(line["good"], float(line["supplied"]), float(line["demanded"]))
        for line in content["lines"]
    )
    _unique(
        [line.good for line in lines],
        source,
        QT_TRANSLATE_NOOP("Planning", '{file}: the good "{code}" appears in two lines.'),
    )
    kind = CouncilKind(content["kind"])
    if kind is CouncilKind.CONSUMER and any(line.supplied > 0 for line in lines):
        _refuse(QT_TRANSLATE_NOOP("Planning", "{file}: a consumer council offers nothing."), source)
    responses = None
    if content["responses"] is not None:
        size = len(lines)
        supply, demand = content["responses"]["supply"], content["responses"]["demand"]
        if any(
            len(matrix) != size or any(len(row) != size for row in matrix)
            for matrix in (supply, demand)
        ):
            _refuse(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    "{file}: responses must be two {size} x {size} tables (one row and one "
                    "column per line).",
                ),
                source,
                size=size,
            )
        responses = (
            tuple(tuple(float(v) for v in row) for row in supply),
            tuple(tuple(float(v) for v in row) for row in demand),
        )
    decision = content["decision"]
    return ProposalFile(
        header=_header(document),
        kind=kind,
        lines=lines,
        responses=responses,
        budget=_float_or_none(content["budget"]),
        members=content["members"],
        decision=None
        if decision is None
        else DecisionNote(
            decision["title"], decision["outcome"], decision["closed_at"], decision["reference"]
        ),
        note=content["note"],
    )


# -- does the file fit where it is imported? --------------------------------------------------


@dataclass(frozen=True)
class ProposalContext:
    """What an IFB checks a proposal file against before importing it."""

    planning_year: str
    round: int
    councils: Mapping[str, CouncilKind]
    received: frozenset[str] = field(default_factory=frozenset)
    """Councils whose proposal for this round is already imported."""
    goods: frozenset[str] = field(default_factory=frozenset)


def check_proposal_context(proposal: ProposalFile, context: ProposalContext, source: str) -> None:
    """Refuse a proposal for another year or round, from an unknown council, or a duplicate."""
    header = proposal.header
    _check_year(header, context.planning_year, source)
    if header.round != context.round:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                "{file} is a proposal for round {found}; the open round is {expected}.",
            ),
            source,
            found=header.round,
            expected=context.round,
        )
    council = proposal.council
    kind = context.councils.get(council)
    if kind is None:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                '{file} comes from the council "{council}", which this IFB does not know. '
                "Add it to the councils first if it belongs to the federation.",
            ),
            source,
            council=council,
        )
    if kind is not proposal.kind:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                '{file}: "{council}" is registered as a {expected} council but sent a '
                "{found} council's proposal.",
            ),
            source,
            council=council,
            expected=kind.value,
            found=proposal.kind.value,
        )
    if council in context.received:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                '{file}: the proposal of "{council}" for round {round} is already imported.',
            ),
            source,
            council=council,
            round=header.round,
        )
    unknown = [line.good for line in proposal.lines if line.good not in context.goods]
    if unknown:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning", "{file} names goods that are not in the catalogue: {goods}."
            ),
            source,
            goods=", ".join(unknown),
        )


def check_round_context(
    round_file: RoundFile,
    planning_year: str,
    last_round: int | None,
    ifb: str | None,
    source: str,
) -> None:
    """Refuse a round file for another year, from another IFB, or not newer than the last."""
    header = round_file.header
    _check_year(header, planning_year, source)
    if ifb and header.sender.id != ifb:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                '{file} comes from "{found}", but this planning year\'s IFB is "{expected}".',
            ),
            source,
            found=header.sender.id,
            expected=ifb,
        )
    if last_round is not None and header.round <= last_round:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                "{file} is the file of round {found}, but round {last} is already imported.",
            ),
            source,
            found=header.round,
            last=last_round,
        )


def _check_year(header: Header, planning_year: str, source: str) -> None:
    if header.planning_year != planning_year:
        _refuse(
            QT_TRANSLATE_NOOP(
                "Planning",
                '{file} belongs to the planning year "{found}", not "{expected}".',
            ),
            source,
            found=header.planning_year,
            expected=planning_year,
        )
