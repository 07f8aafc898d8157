"""``newsevents eval triggers``: does the coder code the acts of real news, and leave the rest?

The event gold sets hold sentences that each carry an event, so they cannot show what the coder
makes of the many sentences of ordinary news that carry none (opinions, wishes, figures of
speech, polls, commerce). This gold file does: words of whole news articles that a coder took
for events, each judged by hand as an act (``EVENT``, or its PLOVER type) or as no event
(``NONE``). It holds references, not copies (``references.py``): article ids and offsets into
the shared datasets' texts. Each article's raw text is parsed as a ``Document`` body, unchanged,
and coded sentence by sentence, repeated mentions kept (every trigger is scored).

- ``event_recall``: the share of marked acts the coder codes as an event at that word;
- ``no_event_accuracy``: the share of marked non-events it leaves alone (codes no event at);
- ``precision``: acts coded over all marked words coded. The marked words are a sample of one
  coder's output, not every word of the articles: read it as a comparison between versions of
  the coder, not as the precision over all of news.
- ``type_accuracy``: where a marked act has a PLOVER type, the share of coded ones typed so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..extract.actors import find_actors
from ..extract.events import event_mentions
from ..extract.events.classifier import NO_EVENT
from ..extract.places import find_places
from ..extract.times import find_times
from ..parse.nlp import load
from ..settings import Settings
from . import EvalReport
from .gold import gold_document
from .references import find_datasets, read_references, texts

SPANS = "triggers"
ANY_EVENT = "EVENT"


def evaluate(path: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    articles = read_references(path, SPANS, limit=limit)
    datasets = find_datasets(path, shared=settings.shared)
    found = texts(datasets, articles, SPANS)
    nlp = load(settings.model)
    bodies = [found[(a["dataset"], a["id"])] for a in articles]
    counts = dict.fromkeys(("acts", "acts_coded", "none", "none_coded", "typed", "typed_ok"), 0)
    events = 0
    misses: list[dict[str, Any]] = []
    for article, doc in zip(articles, nlp.pipe(bodies, batch_size=8), strict=True):
        document = gold_document({"id": article["id"], "text": doc.text})
        actors = find_actors(doc, document=document)
        times = find_times(doc, document=document)
        places = find_places(doc, document=document, actors=actors)
        coded = event_mentions(doc, document=document, actors=actors, times=times, places=places)
        events += len(coded)
        for span in article[SPANS]:
            event = next(
                (
                    e
                    for e in coded
                    if e.trigger.start < span["end"] and span["start"] < e.trigger.end
                ),
                None,
            )
            label = span["label"]
            if label == NO_EVENT:
                counts["none"] += 1
                counts["none_coded"] += event is not None
            else:
                counts["acts"] += 1
                counts["acts_coded"] += event is not None
                if label != ANY_EVENT and event is not None:
                    counts["typed"] += 1
                    counts["typed_ok"] += event.plover == label
            if (event is None) != (label == NO_EVENT):
                misses.append(
                    {
                        "id": article["id"],
                        "word": span["text"],
                        "start": span["start"],
                        "label": label,
                        "coded": event.plover if event else None,
                    }
                )

    def share(part: int, whole: int) -> float:
        return round(part / whole, 4) if whole else 0.0

    coded_total = counts["acts_coded"] + counts["none_coded"]
    metrics = {
        "event_recall": share(counts["acts_coded"], counts["acts"]),
        "no_event_accuracy": share(counts["none"] - counts["none_coded"], counts["none"]),
        "precision": share(counts["acts_coded"], coded_total),
        "events_per_article": share(events, len(articles)),
    }
    if counts["typed"]:
        metrics["type_accuracy"] = share(counts["typed_ok"], counts["typed"])
    return EvalReport(
        task="triggers",
        data=str(path),
        n=counts["acts"] + counts["none"],
        metrics=metrics,
        breakdown={"counts": {k: float(v) for k, v in counts.items()}},
        details={"articles": len(articles), "misses": misses},
    )
