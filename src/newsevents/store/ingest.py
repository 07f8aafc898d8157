"""Ingest: raw articles in, a store that holds each story once.

Per batch of inputs, in input order: skip what the store already holds (by document id),
clean, find near-duplicates of stored stories (copies are stored and linked, not parsed),
parse and extract the new stories (in this process, or in ``workers`` processes that never
open the database), then write the whole batch in one transaction. Batches are planned in
order and written in order, so a re-run after a crash makes the same decisions as a clean run.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from spacy.language import Language

from ..errors import NewsEventsError
from ..parse.nlp import load
from ..pipeline import clean_item, extract_document
from ..settings import Settings
from ..types import ArticleRecord, Document, Failure, RawArticle
from .dedup import DedupSettings, Signature, signature
from .writer import BatchCounts, Canonical, Copy, Item, Writer

logger = logging.getLogger(__name__)


@dataclass(slots=True, kw_only=True)
class IngestCounts:
    """What a run did so far; ``read`` = new + duplicates + already_stored + failed."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    already_stored: int = 0
    failed: int = 0
    events: int = 0
    started: float = field(default_factory=time.perf_counter)
    run_id: int = 0

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        return self.read / max(self.seconds, 1e-9)


@dataclass(frozen=True, slots=True)
class _New:
    """A new story waiting for its parse."""

    document: Document
    signature: Signature


@dataclass(frozen=True, slots=True)
class _Plan:
    """One batch between planning and writing: inputs in order, new stories to parse."""

    slots: list[Item | _New]
    counts: BatchCounts


def ingest(
    items: Iterable[RawArticle | Failure],
    *,
    db: str | Path,
    settings: Settings,
    inputs: Sequence[str] = (),
    workers: int = 1,
    date: str | None = None,
    dedup: DedupSettings | None = None,
    on_batch: Callable[[IngestCounts], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> IngestCounts:
    """Ingest ``items`` into the store at ``db``; returns the run's counts."""
    counts = IngestCounts()
    with Writer(db, dedup=dedup) as writer:
        counts.run_id = writer.start_run(inputs)
        parser = _Parser(settings, workers)
        failed: set[str] = set()  # new stories whose extraction failed in this run
        try:
            pending: deque[tuple[_Plan, Future[list[ArticleRecord | Failure]]]] = deque()
            for plan in _plans(items, writer, settings, date):
                documents = [s.document for s in plan.slots if isinstance(s, _New)]
                pending.append((plan, parser.submit(documents)))
                while len(pending) > parser.in_flight:
                    _write(writer, *pending.popleft(), failed, counts, on_batch, on_failure)
            while pending:
                _write(writer, *pending.popleft(), failed, counts, on_batch, on_failure)
        except BaseException:
            writer.finish_run("failed")
            raise
        finally:
            parser.close()
        writer.finish_run("done")
    return counts


def _plans(
    items: Iterable[RawArticle | Failure], writer: Writer, settings: Settings, date: str | None
) -> Iterator[_Plan]:
    iterator = iter(items)
    # Ids planned in this run but perhaps not written yet: a repeated input is stored once.
    planned: set[str] = set()
    while chunk := list(islice(iterator, settings.batch_size)):
        given = {i.id for i in chunk if isinstance(i, RawArticle) and i.id}
        stored = writer.stored(given) | (given & planned)
        slots: list[Item | _New] = []
        already = 0
        cleaned: list[Document | Failure] = []
        for item in chunk:
            if isinstance(item, RawArticle) and item.id in stored:
                already += 1
                continue
            cleaned.append(clean_item(item, settings, date))
        known = writer.stored(d.id for d in cleaned if isinstance(d, Document)) | planned
        for result in cleaned:
            if isinstance(result, Failure):
                slots.append(result)
                continue
            if result.id in known:
                already += 1
                continue
            planned.add(result.id)
            known.add(result.id)
            sig = signature(result.body)
            match = writer.index.find(sig)
            if match is not None:
                slots.append(Copy(document=result, match=match))
            else:
                writer.index.add(result.id, sig)
                slots.append(_New(result, sig))
        yield _Plan(slots, BatchCounts(read=len(chunk), already_stored=already))


def _write(
    writer: Writer,
    plan: _Plan,
    future: Future[list[ArticleRecord | Failure]],
    failed: set[str],
    counts: IngestCounts,
    on_batch: Callable[[IngestCounts], None] | None,
    on_failure: Callable[[Failure], None] | None,
) -> None:
    parsed = iter(future.result())
    items: list[Item] = []
    for slot in plan.slots:
        if isinstance(slot, Copy) and slot.match.canonical_id in failed:
            # Its story was never stored: the copy fails too, the same way on every re-run.
            error = NewsEventsError(
                "NE508", slot.document.source, canonical=slot.match.canonical_id
            )
            items.append(error.to_failure())
            continue
        if not isinstance(slot, _New):
            items.append(slot)
            continue
        result = next(parsed)
        if isinstance(result, Failure):
            failed.add(slot.document.id)
            items.append(result)
        else:
            items.append(Canonical(record=result, signature=slot.signature))
    writer.write(items, plan.counts)
    for item in items:
        if isinstance(item, Failure):
            counts.failed += 1
            if on_failure:
                on_failure(item)
        elif isinstance(item, Copy):
            counts.duplicates += 1
        else:
            counts.new += 1
            counts.events += len(item.record.events)
    counts.read += plan.counts.read
    counts.already_stored += plan.counts.already_stored
    if on_batch:
        on_batch(counts)


def parse_documents(
    documents: Sequence[Document], settings: Settings, nlp: Language | None = None
) -> list[ArticleRecord | Failure]:
    """Parse and extract ``documents`` (the work a worker process does)."""
    nlp = nlp or load(settings.model)
    docs = nlp.pipe((d.body for d in documents), batch_size=settings.batch_size)
    return [extract_document(doc, d) for doc, d in zip(docs, documents, strict=True)]


class _Parser:
    """Parses in this process (workers=1) or in a pool of spawned processes."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.pool: ProcessPoolExecutor | None = None
        self.in_flight = 0
        if workers > 1:
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=_warm, initargs=(settings,)
            )
            # Enough batches queued to keep every worker busy while the writer writes.
            self.in_flight = workers + 1
        else:
            self.nlp = load(settings.model)

    def submit(self, documents: list[Document]) -> Future[list[ArticleRecord | Failure]]:
        if self.pool is not None and documents:
            return self.pool.submit(parse_documents, documents, self.settings)
        future: Future[list[ArticleRecord | Failure]] = Future()
        if documents:
            nlp = self.nlp if self.pool is None else load(self.settings.model)
            future.set_result(parse_documents(documents, self.settings, nlp))
        else:
            future.set_result([])
        return future

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _warm(settings: Settings) -> None:
    load(settings.model)
