"""The council model of a planning economy: consumer councils and worker councils as arrays.

Councils are stored column-wise (one numpy array per attribute) so that a planning round
computes every council's proposal with a few vectorised operations. Worker councils are
grouped by how many inputs they use, so each group is a dense ``(councils, inputs)`` block.

The model follows the Pequod simulations behind *Democratic Economic Planning* (Hahnel 2021,
ch. 9; ``csvgen.clj`` in the public repository msszczep/pequod-cljs):

* a consumer council has an income and Cobb-Douglas utility exponents for every private and
  every public good;
* a worker council makes one good with output ``Q = a * e^c * prod_j x_j^b_j`` from its
  inputs ``x_j`` and its effort ``e``, and dislikes effort as ``s * e^du``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, SourceText, UserError, UserMessage
from pareconapp.core.planning.arrays import FloatArray, IndexArray
from pareconapp.core.planning.goods import GoodKind, GoodsLayout

# Supply of each natural resource and each labour type in the DEP experiments (csvgen.clj).
DEP_RESOURCE_SUPPLY = 1000.0


@dataclass(frozen=True)
class ConsumerCouncils:
    """All consumer councils: one row per council."""

    income: FloatArray
    """Shape ``(councils,)``: what each council may spend."""
    private_exponents: FloatArray
    """Shape ``(councils, private goods)``: Cobb-Douglas utility exponents."""
    public_exponents: FloatArray
    """Shape ``(councils, public goods)``: Cobb-Douglas utility exponents."""

    @property
    def count(self) -> int:
        """The number of consumer councils."""
        return int(self.income.shape[0])

    @cached_property
    def private_spending(self) -> FloatArray:
        """What each council spends on each private good: its Cobb-Douglas budget share."""
        return self.income[:, None] * self.private_exponents / self._exponent_sums[:, None]

    @cached_property
    def public_spending(self) -> FloatArray:
        """What each council would spend on each public good if it paid the whole price."""
        return self.income[:, None] * self.public_exponents / self._exponent_sums[:, None]

    @cached_property
    def _exponent_sums(self) -> FloatArray:
        sums: FloatArray = self.private_exponents.sum(axis=1) + self.public_exponents.sum(axis=1)
        return sums


@dataclass(frozen=True)
class WorkerGroup:
    """The worker councils that use the same number of inputs: one row per council."""

    council_numbers: IndexArray
    """Shape ``(councils,)``: each council's position (from 0) in the economy's list."""
    product: IndexArray
    """Shape ``(councils,)``: the flat index of the good each council makes."""
    inputs: IndexArray
    """Shape ``(councils, inputs)``: flat indices of the goods each council uses."""
    input_exponents: FloatArray
    """Shape ``(councils, inputs)``: the production exponent ``b_j`` of each input."""
    productivity: FloatArray
    """Shape ``(councils,)``: the factor ``a`` of the production function."""
    effort_exponent: FloatArray
    """Shape ``(councils,)``: the exponent ``c`` of effort in the production function."""
    disutility_exponent: FloatArray
    """Shape ``(councils,)``: the exponent ``du`` of the disutility of effort."""
    disutility_scale: FloatArray
    """Shape ``(councils,)``: the factor ``s`` of the disutility of effort."""

    @property
    def count(self) -> int:
        """The number of worker councils in the group."""
        return int(self.product.shape[0])

    @property
    def input_count(self) -> int:
        """How many inputs every council of the group uses."""
        return int(self.inputs.shape[1])

    def with_input_exponents(self, input_exponents: FloatArray) -> WorkerGroup:
        """A copy of the group with other production exponents (e.g. next year's)."""
        return replace(self, input_exponents=input_exponents)


@dataclass(frozen=True)
class Economy:
    """Everything the simulated councils need to answer a price list with proposals."""

    layout: GoodsLayout
    consumers: ConsumerCouncils
    worker_groups: tuple[WorkerGroup, ...]
    resource_supply: FloatArray = field(default_factory=lambda: np.zeros(0))
    """Shape ``(natural resources + labour types,)``: fixed supply, nature first."""

    @property
    def worker_count(self) -> int:
        """The number of worker councils."""
        return sum(group.count for group in self.worker_groups)

    @property
    def consumer_count(self) -> int:
        """The number of consumer councils."""
        return self.consumers.count

    def fixed_supply(self) -> FloatArray:
        """The supply of every good that no worker council makes, as a flat vector."""
        supply = np.zeros(self.layout.total)
        start = self.layout.offset(GoodKind.NATURE)
        supply[start : start + self.resource_supply.shape[0]] = self.resource_supply
        return supply


@dataclass(frozen=True)
class WorkerTable:
    """Worker councils as one ragged table, in file order (the form files and generators use).

    Council i uses the ``input_counts[i]`` inputs that follow those of councils ``0 .. i-1``
    in :attr:`inputs` and :attr:`input_exponents`.
    """

    product: IndexArray
    input_counts: IndexArray
    inputs: IndexArray
    input_exponents: FloatArray
    productivity: FloatArray
    effort_exponent: FloatArray
    disutility_exponent: FloatArray
    disutility_scale: FloatArray

    @property
    def count(self) -> int:
        """The number of worker councils."""
        return int(self.product.shape[0])


def group_workers(table: WorkerTable) -> tuple[WorkerGroup, ...]:
    """Split a :class:`WorkerTable` into dense groups by number of inputs."""
    starts = np.concatenate([[0], np.cumsum(table.input_counts)[:-1]]).astype(np.int64)
    groups = []
    for size in np.unique(table.input_counts):
        members = np.flatnonzero(table.input_counts == size)
        columns = starts[members, None] + np.arange(int(size))
        groups.append(
            WorkerGroup(
                council_numbers=members.astype(np.int64),
                product=table.product[members],
                inputs=table.inputs[columns],
                input_exponents=table.input_exponents[columns],
                productivity=table.productivity[members],
                effort_exponent=table.effort_exponent[members],
                disutility_exponent=table.disutility_exponent[members],
                disutility_scale=table.disutility_scale[members],
            )
        )
    return tuple(groups)


def worker_table(groups: tuple[WorkerGroup, ...]) -> WorkerTable:
    """Join groups back into one :class:`WorkerTable` in the councils' original order."""
    count = sum(group.count for group in groups)
    sizes = np.zeros(count, dtype=np.int64)
    for group in groups:
        sizes[group.council_numbers] = group.input_count
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    inputs = np.zeros(int(sizes.sum()), dtype=np.int64)
    exponents = np.zeros(int(sizes.sum()))
    product = np.zeros(count, dtype=np.int64)
    scalars = np.zeros((4, count))
    for group in groups:
        numbers = group.council_numbers
        columns = starts[numbers, None] + np.arange(group.input_count)
        inputs[columns] = group.inputs
        exponents[columns] = group.input_exponents
        product[numbers] = group.product
        scalars[:, numbers] = (
            group.productivity,
            group.effort_exponent,
            group.disutility_exponent,
            group.disutility_scale,
        )
    return WorkerTable(
        product=product,
        input_counts=sizes,
        inputs=inputs,
        input_exponents=exponents,
        productivity=scalars[0],
        effort_exponent=scalars[1],
        disutility_exponent=scalars[2],
        disutility_scale=scalars[3],
    )


def dep_resource_supply(layout: GoodsLayout) -> FloatArray:
    """The DEP experiments' supply: 1000 of every natural resource and labour type."""
    count = layout.count(GoodKind.NATURE) + layout.count(GoodKind.LABOUR)
    return np.full(count, DEP_RESOURCE_SUPPLY)


def _invalid(text: SourceText, number: int) -> UserError:
    return UserError(UserMessage(text, {"number": number}))


def validate_economy(economy: Economy) -> None:
    """Check that every council has a well-defined best proposal; raise ``UserError`` if not.

    A worker council's objective has a unique maximum only if its production has decreasing
    returns once effort is chosen: ``du > c + du * sum(b_j)``, with all parameters positive.
    """
    consumers = economy.consumers
    layout = economy.layout
    if consumers.private_exponents.shape[1:] != (layout.private,) or (
        consumers.public_exponents.shape[1:] != (layout.public,)
    ):
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "Planning",
                "Consumer council {number} needs one exponent per private and public good.",
            ),
            1,
        )
    values = np.column_stack(
        [consumers.income, consumers.private_exponents, consumers.public_exponents]
    )
    bad = np.flatnonzero(~np.all(np.isfinite(values) & (values > 0), axis=1))
    if bad.size:
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "Planning", "Consumer council {number}: income and exponents must be positive."
            ),
            int(bad[0]) + 1,
        )
    for group in economy.worker_groups:
        _validate_worker_group(group, economy.layout)
    if economy.resource_supply.shape != (
        economy.layout.count(GoodKind.NATURE) + economy.layout.count(GoodKind.LABOUR),
    ) or not np.all(economy.resource_supply > 0):
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "Planning", "Every natural resource and labour type needs a positive supply."
            ),
            0,
        )


def _validate_worker_group(group: WorkerGroup, layout: GoodsLayout) -> None:
    params = np.column_stack(
        [
            group.productivity,
            group.effort_exponent,
            group.disutility_exponent,
            group.disutility_scale,
            group.input_exponents,
        ]
    )
    bad = np.flatnonzero(~np.all(np.isfinite(params) & (params > 0), axis=1))
    if bad.size:
        number = int(group.council_numbers[bad[0]]) + 1
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "Planning", "Worker council {number}: a, c, s, du and exponents must be positive."
            ),
            number,
        )
    du = group.disutility_exponent
    returns = group.effort_exponent + du * group.input_exponents.sum(axis=1)
    bad = np.flatnonzero(returns >= du)
    if bad.size:
        number = int(group.council_numbers[bad[0]]) + 1
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "Planning", "Worker council {number} needs du > c + du * (sum of exponents)."
            ),
            number,
        )
    first_input = layout.offset(GoodKind.INTERMEDIATE)
    public = layout.offset(GoodKind.PUBLIC)
    made = group.product
    resources = layout.offset(GoodKind.NATURE)
    bad = np.flatnonzero(
        (made < 0) | (made >= layout.total) | ((made >= resources) & (made < public))
    )
    if bad.size:
        number = int(group.council_numbers[bad[0]]) + 1
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "Planning",
                "Worker council {number} must make a private, intermediate or public good.",
            ),
            number,
        )
    bad = np.flatnonzero(np.any((group.inputs < first_input) | (group.inputs >= public), axis=1))
    if bad.size:
        number = int(group.council_numbers[bad[0]]) + 1
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "Planning",
                "Worker council {number}: inputs must be intermediate goods, natural resources "
                "or labour.",
            ),
            number,
        )
