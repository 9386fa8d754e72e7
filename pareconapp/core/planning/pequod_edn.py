"""The Pequod experiment format: an economy as EDN (Clojure data).

The form is the one of the DEP experiments (``dep1ex01.clj`` in the public repository
msszczep/pequod-cljs): ``(def ccs [...])`` holds the consumer councils and ``(def wcs [...])``
the worker councils, as maps with Pequod's keys. Files written here add an optional
``(def goods {...})`` with the number of goods of each kind and the supplies
``(def natural-resources-supply [...])`` and ``(def labor-supply [...])`` (named after
csvgen.clj's ``globals``); without them the counts are read off the councils and every supply
is 1000. EDN is parsed with the ``edn_format`` library.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import cast

import edn_format
import numpy as np

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserError, UserMessage
from pareconapp.core.planning.economy import (
    ConsumerCouncils,
    Economy,
    WorkerTable,
    dep_resource_supply,
    group_workers,
    validate_economy,
    worker_table,
)
from pareconapp.core.planning.goods import INDUSTRY_KINDS, INPUT_KINDS, GoodKind, GoodsLayout

# csvgen.clj's names for the number of goods of each kind (its ``globals``).
_LAYOUT_KEYS = {
    GoodKind.PRIVATE: "private-goods",
    GoodKind.INTERMEDIATE: "intermediate-inputs",
    GoodKind.NATURE: "resources",
    GoodKind.LABOUR: "labors",
    GoodKind.PUBLIC: "public-goods",
}
_INPUT_EXPONENT_KEYS = ("input-exponents", "nature-exponents", "labor-exponents")


def _error(text: SourceText, **params: object) -> UserError:
    return UserError(UserMessage(text, params))


def parse_pequod_edn(text: str, source: str = "<text>") -> Economy:
    """Build an :class:`Economy` from the text of a Pequod experiment file."""
    try:
        forms = edn_format.loads_all(text, write_ply_tables=False)
    except (ValueError, NotImplementedError, TypeError, SyntaxError) as error:
        raise _error(
            QT_TRANSLATE_NOOP("Planning", "{source} is not valid EDN: {reason}"),
            source=source,
            reason=str(error) or type(error).__name__,
        ) from error
    defs = _definitions(forms)
    for name in ("ccs", "wcs"):
        if name not in defs:
            raise _error(
                QT_TRANSLATE_NOOP("Planning", "{source} has no (def {name} [...]) form."),
                source=source,
                name=name,
            )
    consumers = [_as_map(item, "ccs", i) for i, item in _numbered_items(defs, "ccs", source)]
    workers = [_as_map(item, "wcs", i) for i, item in _numbered_items(defs, "wcs", source)]
    if not consumers or not workers:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Planning", "{source} needs at least one consumer and one worker council."
            ),
            source=source,
        )
    layout = _layout(defs.get("goods"), consumers, workers, source)
    economy = Economy(
        layout=layout,
        consumers=_consumer_councils(consumers),
        worker_groups=group_workers(_worker_table(workers, layout)),
        resource_supply=_resource_supply(defs, layout, source),
    )
    validate_economy(economy)
    return economy


def _definitions(forms: Iterable[object]) -> dict[str, object]:
    defs: dict[str, object] = {}
    for form in forms:
        if isinstance(form, tuple) and len(form) == 3 and str(form[0]) == "def":
            defs[str(form[1])] = form[2]
    return defs


def _numbered_items(defs: Mapping[str, object], name: str, source: str) -> list[tuple[int, object]]:
    """The numbered items of the vector ``(def name [...])``."""
    items = defs[name]
    if not isinstance(items, Sequence) or isinstance(items, str):
        raise _error(
            QT_TRANSLATE_NOOP("Planning", "{source}: (def {name} ...) must hold a vector of maps."),
            source=source,
            name=name,
        )
    return list(enumerate(items, 1))


def _as_map(item: object, council: str, number: int) -> Mapping[str, object]:
    if not isinstance(item, Mapping):
        raise _error(
            QT_TRANSLATE_NOOP("Planning", "Council {number} of {list} is not a map."),
            list=council,
            number=number,
        )
    # edn_format's ImmutableDict keeps a plain dict in ``.dict``; reading it directly avoids
    # hashing every keyword again (a third of the reading time of a 3000-council file).
    plain = getattr(item, "dict", item)
    return {str(key).lstrip(":"): value for key, value in plain.items()}


def _number(council: Mapping[str, object], key: str, kind: str, number: int) -> float:
    value = council.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _error(
            QT_TRANSLATE_NOOP("Planning", "Council {number} of {list}: :{key} must be a number."),
            list=kind,
            number=number,
            key=key,
        )
    return float(value)


def _is_numbers(values: object) -> bool:
    return (
        isinstance(values, Sequence)
        and not isinstance(values, str)
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
    )


def _numbers(council: Mapping[str, object], key: str, kind: str, number: int) -> list[float]:
    values = council.get(key)
    if not _is_numbers(values):
        raise _error(
            QT_TRANSLATE_NOOP(
                "Planning", "Council {number} of {list}: :{key} must be a vector of numbers."
            ),
            list=kind,
            number=number,
            key=key,
        )
    return [float(v) for v in cast(Sequence[float], values)]


def _consumer_councils(councils: list[Mapping[str, object]]) -> ConsumerCouncils:
    kind = "ccs"
    rows = [
        (
            _number(cc, "income", kind, i),
            _numbers(cc, "utility-exponents", kind, i),
            _numbers(cc, "public-good-exponents", kind, i),
        )
        for i, cc in enumerate(councils, 1)
    ]
    for i, (_, private, public) in enumerate(rows, 1):
        if (len(private), len(public)) != (len(rows[0][1]), len(rows[0][2])):
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    "Council {number} of ccs has a different number of exponents than council 1.",
                ),
                number=i,
            )
    return ConsumerCouncils(
        income=np.array([row[0] for row in rows]),
        private_exponents=np.array([row[1] for row in rows]).reshape(len(rows), -1),
        public_exponents=np.array([row[2] for row in rows]).reshape(len(rows), -1),
    )


def _production_inputs(wc: Mapping[str, object], number: int) -> list[list[int]]:
    lists = wc.get("production-inputs")
    if (
        not isinstance(lists, Sequence)
        or len(lists) != 3
        or not all(isinstance(ids, Sequence) for ids in lists)
        or not all(isinstance(i, int) and not isinstance(i, bool) for ids in lists for i in ids)
        or not any(len(ids) for ids in lists)
    ):
        raise _error(
            QT_TRANSLATE_NOOP(
                "Planning",
                "Council {number} of wcs: :production-inputs must be "
                "[[intermediate ids] [nature ids] [labour ids]].",
            ),
            number=number,
        )
    return [list(cast(Sequence[int], ids)) for ids in lists]


def _worker_table(councils: list[Mapping[str, object]], layout: GoodsLayout) -> WorkerTable:
    kind = "wcs"
    product: list[int] = []
    counts: list[int] = []
    inputs: list[int] = []
    exponents: list[float] = []
    scalars: list[list[float]] = []
    for i, wc in enumerate(councils, 1):
        industry = _integer_in(wc, "industry", range(len(INDUSTRY_KINDS)), i)
        made = INDUSTRY_KINDS[industry]
        product.append(
            layout.index(made, _integer_in(wc, "product", range(1, layout.count(made) + 1), i))
        )
        ids = _production_inputs(wc, i)
        for input_kind, key, goods in zip(INPUT_KINDS, _INPUT_EXPONENT_KEYS, ids, strict=True):
            values = _numbers(wc, key, kind, i)
            if len(values) != len(goods):
                raise _error(
                    QT_TRANSLATE_NOOP(
                        "Planning", "Council {number} of wcs: :{key} needs one exponent per input."
                    ),
                    number=i,
                    key=key,
                )
            if any(not 1 <= good <= layout.count(input_kind) for good in goods):
                raise _error(
                    QT_TRANSLATE_NOOP(
                        "Planning",
                        "Council {number} of wcs: :production-inputs names a good "
                        "that does not exist.",
                    ),
                    number=i,
                )
            inputs.extend(layout.index(input_kind, good) for good in goods)
            exponents.extend(values)
        counts.append(sum(len(goods) for goods in ids))
        scalars.append([_number(wc, key, kind, i) for key in ("a", "c", "du", "s")])
    table = np.array(scalars).reshape(-1, 4)
    return WorkerTable(
        product=np.array(product, dtype=np.int64),
        input_counts=np.array(counts, dtype=np.int64),
        inputs=np.array(inputs, dtype=np.int64),
        input_exponents=np.array(exponents, dtype=np.float64),
        productivity=table[:, 0].copy(),
        effort_exponent=table[:, 1].copy(),
        disutility_exponent=table[:, 2].copy(),
        disutility_scale=table[:, 3].copy(),
    )


def _integer_in(wc: Mapping[str, object], key: str, allowed: range, number: int) -> int:
    value = wc.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
        raise _error(
            QT_TRANSLATE_NOOP(
                "Planning",
                "Council {number} of wcs: :{key} must be a whole number from {low} to {high}.",
            ),
            number=number,
            key=key,
            low=allowed.start,
            high=allowed.stop - 1,
        )
    return value


def _layout(
    goods: object,
    consumers: list[Mapping[str, object]],
    workers: list[Mapping[str, object]],
    source: str,
) -> GoodsLayout:
    if goods is not None:
        counts = _as_map(goods, "goods", 1) if isinstance(goods, Mapping) else {}
        values = {kind: counts.get(key) for kind, key in _LAYOUT_KEYS.items()}
        if not all(
            isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in values.values()
        ):
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Planning",
                    "{source}: (def goods {{...}}) needs a positive whole number "
                    "for each of {keys}.",
                ),
                source=source,
                keys=", ".join(_LAYOUT_KEYS.values()),
            )
        return GoodsLayout(*(cast(int, values[kind]) for kind in GoodKind))
    highest = dict.fromkeys(GoodKind, 0)
    highest[GoodKind.PRIVATE] = len(_numbers(consumers[0], "utility-exponents", "ccs", 1))
    highest[GoodKind.PUBLIC] = len(_numbers(consumers[0], "public-good-exponents", "ccs", 1))
    for i, wc in enumerate(workers, 1):
        industry = _integer_in(wc, "industry", range(len(INDUSTRY_KINDS)), i)
        product = _integer_in(wc, "product", range(1, 1_000_000), i)
        if INDUSTRY_KINDS[industry] is GoodKind.INTERMEDIATE:
            # Private and public goods are counted by the consumers' exponents.
            highest[GoodKind.INTERMEDIATE] = max(highest[GoodKind.INTERMEDIATE], product)
        for kind, ids in zip(INPUT_KINDS, _production_inputs(wc, i), strict=True):
            highest[kind] = max([highest[kind], *ids])
    if any(count < 1 for count in highest.values()):
        raise _error(
            QT_TRANSLATE_NOOP("Planning", "{source}: every kind of good needs at least one good."),
            source=source,
        )
    return GoodsLayout(*(highest[kind] for kind in GoodKind))


def _resource_supply(defs: Mapping[str, object], layout: GoodsLayout, source: str) -> np.ndarray:
    supply = dep_resource_supply(layout)
    nature = layout.count(GoodKind.NATURE)
    for name, part in (
        ("natural-resources-supply", slice(0, nature)),
        ("labor-supply", slice(nature, None)),
    ):
        if name in defs:
            values = defs[name]
            if not _is_numbers(values) or len(cast(Sequence[float], values)) != len(supply[part]):
                raise _error(
                    QT_TRANSLATE_NOOP("Planning", "{source}: {name} needs one number per good."),
                    source=source,
                    name=name,
                )
            supply[part] = cast(Sequence[float], values)
    return supply


def format_pequod_edn(economy: Economy, name: str = "economy") -> str:
    """The economy as a Pequod experiment file (EDN, readable by csvgen.clj's setup)."""
    layout = economy.layout
    goods = " ".join(f":{_LAYOUT_KEYS[kind]} {layout.count(kind)}" for kind in GoodKind)
    parts = [f"(ns pequod-cljs.{name})\n", f"(def goods {{{goods}}})\n"]
    nature = layout.count(GoodKind.NATURE)
    parts.append(f"(def natural-resources-supply {_vector(economy.resource_supply[:nature])})\n")
    parts.append(f"(def labor-supply {_vector(economy.resource_supply[nature:])})\n")
    consumers = economy.consumers
    parts.append(
        "(def ccs\n["
        + "\n ".join(
            f"{{:effort 1, :num-workers 10, :cy 1, :income {_float(consumers.income[i])},\n"
            f"  :utility-exponents {_vector(consumers.private_exponents[i])},\n"
            f"  :public-good-exponents {_vector(consumers.public_exponents[i])},\n"
            f"  :final-demands [0 0 0 0 0], :public-good-demands [0]}}"
            for i in range(consumers.count)
        )
        + "])\n"
    )
    parts.append("(def wcs\n[" + "\n ".join(_format_workers(economy)) + "])\n")
    return "\n".join(parts)


def _format_workers(economy: Economy) -> Iterable[str]:
    layout = economy.layout
    table = worker_table(economy.worker_groups)
    starts = np.concatenate([[0], np.cumsum(table.input_counts)])
    for i in range(table.count):
        made, product = layout.describe(int(table.product[i]))
        inputs = table.inputs[starts[i] : starts[i + 1]]
        exponents = table.input_exponents[starts[i] : starts[i + 1]]
        ids, values = [], []
        for kind in INPUT_KINDS:
            span = layout.span(kind)
            mine = (inputs >= span.start) & (inputs < span.stop)
            ids.append("[" + " ".join(str(int(g) - span.start + 1) for g in inputs[mine]) + "]")
            values.append(_vector(exponents[mine]))
        yield (
            f"{{:industry {INDUSTRY_KINDS.index(made)}, :product {product},\n"
            f"  :production-inputs [{' '.join(ids)}],\n"
            f"  :input-exponents {values[0]}, :nature-exponents {values[1]},\n"
            f"  :labor-exponents {values[2]},\n"
            f"  :a {_float(table.productivity[i])}, :c {_float(table.effort_exponent[i])}, "
            f":du {_float(table.disutility_exponent[i])}, :s {_float(table.disutility_scale[i])},"
            f"\n  :effort 0.5, :output 0, :labor-quantities [0], :toothache false}}"
        )


def _float(value: float) -> str:
    return repr(float(value))


def _vector(values: Iterable[float]) -> str:
    return "[" + " ".join(_float(v) for v in values) + "]"
