"""A readable view of a comparison for the terminal (used by ``readouts compare``), in the style of
``readouts show``: the verdict with its reasons, matched items side by side, what only each side
reported, topics only each names, and the differences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import Comparison, Record

__all__ = ["render_comparison"]

_AGAINST = ("differ", "different", "no side in common", "no distinctive", "no engagement")


def _items(rec: Record, engagement: str | None) -> dict[str, tuple[str, str]]:
    """id -> (who, text) for the statements and agreements of a record."""
    out = {s.id: (s.speaker + (f" ({s.affiliation})" if s.affiliation and s.affiliation != s.speaker else ""), s.text)
           for s in rec.statements}
    for e in rec.engagements:
        if e.id == engagement:
            for k, ag in enumerate(e.agreements, start=1):
                out[f"{e.id}.ag{k}"] = ("agreed" + (f" ({' / '.join(ag.parties)})" if ag.parties else ""), ag.text)
    return out


def _name(c: Comparison, which: str) -> str:
    d = c.a if which == "a" else c.b
    side = f" ({d.publisher_side} readout)" if d.publisher_side else ""
    return f"{which.upper()}: {Path(d.source).name if d.source else d.id[:12]}{side}"


def render_comparison(c: Comparison, rec_a: Record, rec_b: Record, console: Any) -> None:
    from rich import box
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console.rule(f"[bold]{_name(c, 'a')}  ⇄  {_name(c, 'b')}")
    verdict = Text()
    verdict.append("same engagement" if c.same_engagement else "not the same engagement",
                   style="bold green" if c.same_engagement else "bold red")
    verdict.append(f"  (score {c.score:.2f}, embedder {c.embedder})")
    for r in c.reasons:
        against = any(w in r for w in _AGAINST)
        verdict.append("\n  " + ("✗ " if against else "• ") + r, style="red" if against else None)
    console.print(Panel(verdict, title="same engagement?", expand=False))

    items_a, items_b = _items(rec_a, c.a.engagement), _items(rec_b, c.b.engagement)
    if c.matched:
        t = Table(title="reported by both", title_justify="left", box=box.SIMPLE_HEAD, show_lines=True)
        t.add_column(_name(c, "a"), ratio=1, overflow="fold")
        t.add_column(_name(c, "b"), ratio=1, overflow="fold")
        t.add_column("sim", justify="right", no_wrap=True)
        for m in c.matched:
            wa, ta = items_a.get(m.a, ("", m.a))
            wb, tb = items_b.get(m.b, ("", m.b))
            t.add_row(Text(f"{wa}: ", style="bold") + Text(ta), Text(f"{wb}: ", style="bold") + Text(tb),
                      f"{m.similarity:.2f}")
        console.print(t)
    else:
        console.print("[dim]no statement or agreement reported by both[/dim]")
    for which, ids, items in (("a", c.only_a, items_a), ("b", c.only_b, items_b)):
        if not ids:
            continue
        console.print(f"[bold]only {_name(c, which)}[/bold]")
        for i in ids:
            who, text = items.get(i, ("", i))
            console.print(Text("  • ") + Text(f"{who}: ", style="bold") + Text(text))
    if c.topics_shared:
        console.print("[bold]topics both name:[/bold] " + ", ".join(x if x == y else f"{x} / {y}"
                                                                  for x, y in c.topics_shared), highlight=False)
    if c.topics_only_a:
        console.print(f"[bold]topics only {_name(c, 'a')}:[/bold] " + ", ".join(c.topics_only_a), highlight=False)
    if c.topics_only_b:
        console.print(f"[bold]topics only {_name(c, 'b')}:[/bold] " + ", ".join(c.topics_only_b), highlight=False)
    if c.differences:
        t = Table("kind", "difference", title="differences", title_justify="left", box=box.SIMPLE_HEAD)
        for d in c.differences:
            t.add_row(d.kind, d.detail)
        console.print(t)
    else:
        console.print("[dim]no differences found[/dim]")
