"""A readable view of a record for the terminal (used by ``readouts show``)."""

from __future__ import annotations

from typing import Any

from .model import Record

__all__ = ["render"]

_STANCE = {"cooperative": "green", "conflictual": "red", "neutral": "white", None: "white"}


def render(rec: Record, console: Any) -> None:
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    doc = rec.document
    head = doc.source or doc.id[:12]
    console.rule(f"[bold]{head}")
    if not rec.engagements:
        console.print("[dim]no engagement found[/dim]")
    for e in rec.engagements:
        line = Text()
        line.append(f"{e.type.replace('_', ' ')}", style="bold")
        line.append(f" ({e.modality.replace('_', ' ')})")
        line.append(f" on {e.date}" if e.date else " date not stated")
        if e.location:
            line.append(f" in {e.location}")
        if e.initiator:
            line.append(f", initiated by {e.initiator}")
        console.print(Panel(line, title=f"engagement {e.id}", expand=False))
        t = Table("name", "title", "side", title="participants", title_justify="left")
        for p in e.participants:
            t.add_row(p.name or "[dim](unnamed)[/dim]", p.title or "", p.affiliation or "?")
        console.print(t)
        if e.topics:
            console.print("[bold]topics:[/bold] " + ", ".join(t.label for t in e.topics))
        if e.agreements:
            console.print("[bold]agreed:[/bold]")
            for a in e.agreements:
                console.print(f"  • {a.text}" + (f"  [dim]({' / '.join(a.parties)})[/dim]" if a.parties else ""))
    by: dict[str, list[Any]] = {}
    for s in rec.statements:
        by.setdefault(f"{s.speaker}" + (f" ({s.affiliation})" if s.affiliation else ""), []).append(s)
    for who, sts in by.items():
        console.print(f"[bold]{who}[/bold]")
        for s in sts:
            console.print(Text("  " + s.text, style=_STANCE.get(s.stance, "white")))
    if rec.events:
        t = Table("source", "target", "CAMEO", "Goldstein", "quad", title="events", title_justify="left")
        for ev in rec.events:
            t.add_row(ev.source, ev.target or "", ev.cameo, f"{ev.goldstein:+.1f}", str(ev.quad_class))
        console.print(t)
