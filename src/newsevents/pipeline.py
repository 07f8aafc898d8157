"""The pipeline: raw articles in, article records (or failures) out, in input order.

``RawArticle`` -> ``clean_article`` -> ``Document`` -> ``nlp.pipe`` over ``Document.body``
-> ``extract_record`` -> ``ArticleRecord``. Parsing the body unchanged makes spaCy's
character offsets the record's offsets.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from .clean.article import clean_article
from .errors import NewsEventsError
from .extract.actors import find_actors
from .extract.events import find_events
from .extract.places import find_places
from .extract.quantities import find_quantities
from .extract.quotes import find_quotes
from .extract.times import find_times
from .parse.nlp import load
from .settings import Settings
from .types import ArticleRecord, Document, Failure, RawArticle

logger = logging.getLogger(__name__)


def extract_record(doc: Doc, document: Document) -> ArticleRecord:
    """Run every extractor over the parsed body of ``document``."""
    actors = find_actors(doc, document=document)
    times = find_times(doc, document=document)
    # Actors' countries help read an ambiguous place name (issue 3).
    places = find_places(doc, document=document, actors=actors)
    events = find_events(doc, document=document, actors=actors, times=times, places=places)
    return ArticleRecord(
        document=document,
        actors=tuple(actors),
        times=tuple(times),
        places=tuple(places),
        events=tuple(events),
        quotes=tuple(find_quotes(doc, document=document, actors=tuple(actors))),
        quantities=tuple(find_quantities(doc, document=document, actors=tuple(actors))),
    )


def run(
    items: Iterable[RawArticle | Failure],
    *,
    settings: Settings,
    date: str | None = None,
    nlp: Language | None = None,
) -> Iterator[ArticleRecord | Failure]:
    """Records for ``items`` in order; a bad item becomes a ``Failure`` and the rest go on.

    ``date`` (``YYYY-MM-DD``) is the publication date of every item, overriding metadata.
    """
    nlp = nlp or load(settings.model)
    iterator = iter(items)
    while chunk := list(islice(iterator, settings.batch_size)):
        cleaned: list[Document | Failure] = [clean_item(item, settings, date) for item in chunk]
        documents = [c for c in cleaned if isinstance(c, Document)]
        docs = iter(
            nlp.pipe(
                (d.body for d in documents),
                batch_size=settings.batch_size,
                n_process=settings.n_process,
            )
        )
        for item in cleaned:
            if isinstance(item, Failure):
                yield item
            else:
                yield extract_document(next(docs), item)


def clean_item(
    item: RawArticle | Failure, settings: Settings, date: str | None
) -> Document | Failure:
    """The cleaned ``Document``, or the ``Failure`` (passed through, or of cleaning)."""
    if isinstance(item, Failure):
        return item
    try:
        return clean_article(item, settings=settings, date=date)
    except NewsEventsError as e:
        return e.to_failure()


def extract_document(doc: Doc, document: Document) -> ArticleRecord | Failure:
    """``extract_record``, with any error turned into the document's ``Failure``."""
    try:
        return extract_record(doc, document)
    except NewsEventsError as e:
        return e.to_failure()
    except Exception as e:
        logger.exception("extraction failed for %s", document.source)
        return NewsEventsError(
            "NE401", document.source, detail=f"{type(e).__name__}: {e}"
        ).to_failure()


def extract_text(
    text: str, *, date: str | None = None, source: str = "<text>", settings: Settings | None = None
) -> ArticleRecord:
    """One article from a string; raises ``NewsEventsError`` for bad input."""
    settings = settings or Settings.from_env()
    (result,) = run([RawArticle(source=source, text=text)], settings=settings, date=date)
    if isinstance(result, Failure):
        raise NewsEventsError.from_failure(result)
    return result
