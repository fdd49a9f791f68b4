"""Itemised totals: does "A £146m programme ... including:" add up to its lines?

A total is *itemised* when the block stating it (a bullet, or a paragraph) ends with a colon and
is followed by at least two list lines that each **open with** an amount in the same currency:

    • A £146m investment programme ... will support ..., including:
      ◦ £12m on a Medicines Manufacturing Innovation Centre;
      ◦ £66m on a Vaccines Development & Manufacturing Centre; ...

Lines that merely contain an amount somewhere are not items (a "for example" list of measures
is not a breakdown). The check honours the total's qualifier: "up to £X" needs the lines to sum
to at most X, "over £X" at least X, "around £X" within 5 per cent, a bare "£X" exactly X.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from commitments.extractor import Mention
from commitments.model import MONEY_UNITS, Qualifier, Reconciliation
from commitments.structure import Block, DocView
from dealqa.types import UnitKind

__all__ = ["reconcile", "MISMATCH_FLAG"]

MISMATCH_FLAG = "items-sum-mismatch"
_TOLERANCE = Decimal("0.05")


def _children(view: DocView, block: Block) -> list[Block]:
    """The list lines directly under ``block``: deeper bullets of its list, or the top-level
    bullets of the list a paragraph leads into."""
    out = []
    for b in view.blocks[block.index + 1:]:
        if b.kind is not UnitKind.BULLET:
            break
        if block.kind is UnitKind.BULLET:
            if b.list_id != block.list_id or b.depth <= block.depth:
                break
            if b.depth == block.depth + 1:
                out.append(b)
        elif b.lead_in != block.index:
            break
        elif b.depth == 0:
            out.append(b)
    return out


def _agrees(total: Decimal, items_sum: Decimal, qualifier: Qualifier) -> bool:
    if qualifier is Qualifier.UP_TO:
        return items_sum <= total
    if qualifier in (Qualifier.OVER, Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return items_sum >= total
    if qualifier in (Qualifier.AROUND, Qualifier.CIRCA, Qualifier.NEARLY):
        return abs(items_sum - total) <= total * _TOLERANCE
    return items_sum == total


def _opening_money(block: Block, by_block: dict[int, list[Mention]]) -> Mention | None:
    """The amount a list line opens with ("£66m on a ..."), qualifier allowed, else None."""
    for m in by_block.get(block.index, []):
        if m.unit in MONEY_UNITS and m.sentence.start == block.start and m.figure.raw_start == 0:
            return m
    return None


def reconcile(view: DocView, mentions: Sequence[Mention], ids: dict[int, str]
              ) -> list[Reconciliation]:
    """Reconciliations for every itemised total; ``ids`` maps ``id(mention)`` -> record id."""
    by_block: dict[int, list[Mention]] = {}
    for m in mentions:
        by_block.setdefault(m.block, []).append(m)
    out = []
    for block in view.blocks:
        money = [m for m in by_block.get(block.index, []) if m.unit in MONEY_UNITS]
        if len(money) != 1 or not view.block_text(block.index).rstrip().endswith(":"):
            continue
        total = money[0]
        items = [_opening_money(child, by_block) for child in _children(view, block)]
        if len(items) < 2 or any(i is None or i.unit != total.unit for i in items):
            continue
        items_sum = sum((Decimal(i.value) for i in items), Decimal(0))
        out.append(Reconciliation(
            total_id=ids[id(total)],
            item_ids=tuple(ids[id(i)] for i in items),
            total=Decimal(total.value),
            items_sum=items_sum,
            ok=_agrees(Decimal(total.value), items_sum, total.qualifier),
            citations=(total.citation, *(i.citation for i in items)),
        ))
    return out
